using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using SecretsPS.HelpCompiler.Model;

namespace SecretsPS.HelpCompiler.Writing;

/// <summary>Writes the MAML that Get-Help reads, one command:command per page, in the element order platyPS uses.</summary>
public static class MamlWriter
{
    private const string MshNs = "http://msh";
    private const string MamlNs = "http://schemas.microsoft.com/maml/2004/10";
    private const string CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";
    private const int TitleWidth = 64;

    /// <summary>
    /// Writes UTF-8 (no BOM) with a matching declaration: an XmlWriter over a StringWriter would declare utf-16,
    /// which XmlDocument.Load rejects.
    /// </summary>
    public static void Write(Stream output, IEnumerable<CommandHelp> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using var writer = XmlWriter.Create(output, settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("helpItems", MshNs);
        writer.WriteAttributeString("schema", "maml");
        foreach (var command in commands)
        {
            WriteCommand(writer, command);
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    public static string WriteToString(IEnumerable<CommandHelp> commands)
    {
        using var stream = new MemoryStream();
        Write(stream, commands);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string PadTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var dashes = (TitleWidth - title.Length - 2) / 2;
        if (dashes < 3)
        {
            dashes = 3;
        }

        var pad = new string('-', dashes);
        return $"{pad} {title} {pad}";
    }

    private static void WriteCommand(XmlWriter writer, CommandHelp command)
    {
        writer.WriteStartElement("command", "command", CommandNs);
        writer.WriteAttributeString("xmlns", "maml", null, MamlNs);
        writer.WriteAttributeString("xmlns", "command", null, CommandNs);
        writer.WriteAttributeString("xmlns", "dev", null, DevNs);

        var dash = command.Name.IndexOf('-', StringComparison.Ordinal);
        writer.WriteStartElement("command", "details", CommandNs);
        writer.WriteElementString("command", "name", CommandNs, command.Name);
        writer.WriteElementString("command", "verb", CommandNs, command.Name[..dash]);
        writer.WriteElementString("command", "noun", CommandNs, command.Name[(dash + 1)..]);
        WriteParas(writer, "description", [command.Synopsis]);
        writer.WriteEndElement();

        WriteParas(writer, "description", command.Description);
        WriteSyntax(writer, command);
        WriteParameters(writer, command);
        WriteTypes(writer, "inputTypes", "inputType", command.Inputs);
        WriteTypes(writer, "returnValues", "returnValue", command.Outputs);

        writer.WriteStartElement("maml", "alertSet", MamlNs);
        writer.WriteStartElement("maml", "alert", MamlNs);
        foreach (var note in command.Notes)
        {
            writer.WriteElementString("maml", "para", MamlNs, note);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();

        writer.WriteStartElement("command", "examples", CommandNs);
        foreach (var example in command.Examples)
        {
            writer.WriteStartElement("command", "example", CommandNs);
            writer.WriteElementString("maml", "title", MamlNs, PadTitle(example.Title));
            if (example.Introduction.Count > 0)
            {
                WriteParas(writer, "introduction", example.Introduction);
            }

            writer.WriteElementString("dev", "code", DevNs, string.Join("\n\n", example.Code));
            writer.WriteStartElement("dev", "remarks", DevNs);
            foreach (var remark in example.Remarks)
            {
                writer.WriteElementString("maml", "para", MamlNs, remark);
            }

            // Get-Help prints the next example's title right under the remarks without it.
            writer.WriteElementString("maml", "para", MamlNs, string.Empty);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();

        writer.WriteStartElement("command", "relatedLinks", CommandNs);
        foreach (var link in command.RelatedLinks)
        {
            writer.WriteStartElement("maml", "navigationLink", MamlNs);
            writer.WriteElementString("maml", "linkText", MamlNs, link.Text);
            writer.WriteElementString("maml", "uri", MamlNs, link.Uri);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteSyntax(XmlWriter writer, CommandHelp command)
    {
        writer.WriteStartElement("command", "syntax", CommandNs);
        foreach (var set in SyntaxOrder(command))
        {
            writer.WriteStartElement("command", "syntaxItem", CommandNs);
            writer.WriteElementString("maml", "name", MamlNs, command.Name);
            foreach (var (parameter, metadata) in ParametersInSet(command, set))
            {
                WriteParameter(writer, parameter, metadata, inSyntax: true);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>Default set first, then the SYNTAX order: Get-Help displays syntax items in file order.</summary>
    public static IEnumerable<string> SyntaxOrder(CommandHelp command)
    {
        ArgumentNullException.ThrowIfNull(command);
        yield return command.DefaultParameterSet;
        foreach (var set in command.ParameterSets)
        {
            if (set != command.DefaultParameterSet)
            {
                yield return set;
            }
        }
    }

    /// <summary>Positional parameters by position, then the named ones in page order (mandatory before optional).</summary>
    public static List<(ParameterHelp Parameter, ParameterMetadata Metadata)> ParametersInSet(CommandHelp command, string set)
    {
        ArgumentNullException.ThrowIfNull(command);
        var positional = new List<(ParameterHelp, ParameterMetadata)>();
        var mandatory = new List<(ParameterHelp, ParameterMetadata)>();
        var optional = new List<(ParameterHelp, ParameterMetadata)>();
        foreach (var parameter in command.Parameters)
        {
            var metadata = parameter.For(set);
            if (metadata is null)
            {
                continue;
            }

            if (metadata.Position is not null)
            {
                positional.Add((parameter, metadata));
            }
            else if (metadata.Required)
            {
                mandatory.Add((parameter, metadata));
            }
            else
            {
                optional.Add((parameter, metadata));
            }
        }

        positional.Sort((a, b) => a.Item2.Position!.Value.CompareTo(b.Item2.Position!.Value));
        positional.AddRange(mandatory);
        positional.AddRange(optional);
        return positional;
    }

    private static void WriteParameters(XmlWriter writer, CommandHelp command)
    {
        writer.WriteStartElement("command", "parameters", CommandNs);
        foreach (var parameter in command.Parameters)
        {
            WriteParameter(writer, parameter, parameter.Metadata[0], inSyntax: false);
        }

        writer.WriteEndElement();
    }

    private static void WriteParameter(XmlWriter writer, ParameterHelp parameter, ParameterMetadata metadata, bool inSyntax)
    {
        var variableLength = metadata.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false";
        writer.WriteStartElement("command", "parameter", CommandNs);
        writer.WriteAttributeString("required", metadata.Required ? "true" : "false");
        writer.WriteAttributeString("variableLength", variableLength);
        writer.WriteAttributeString("globbing", metadata.AcceptsWildcards ? "true" : "false");
        writer.WriteAttributeString("pipelineInput", metadata.PipelineInput);
        writer.WriteAttributeString("position", metadata.Position?.ToString(CultureInfo.InvariantCulture) ?? "named");
        writer.WriteAttributeString("aliases", metadata.Aliases.Count == 0 ? "none" : string.Join(", ", metadata.Aliases));
        writer.WriteElementString("maml", "name", MamlNs, parameter.Name);
        if (!inSyntax)
        {
            WriteParas(writer, "description", parameter.Description);
        }

        if (metadata.AcceptedValues.Count > 0)
        {
            writer.WriteStartElement("command", "parameterValueGroup", CommandNs);
            foreach (var value in metadata.AcceptedValues)
            {
                writer.WriteStartElement("command", "parameterValue", CommandNs);
                writer.WriteAttributeString("required", "false");
                writer.WriteAttributeString("command", "variableLength", CommandNs, "false");
                writer.WriteString(value);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        if (metadata.IsSwitch)
        {
            // Get-Help shows a switch in syntax as [-Name]; under PARAMETERS platyPS writes a non-required value.
            if (!inSyntax)
            {
                writer.WriteStartElement("command", "parameterValue", CommandNs);
                writer.WriteAttributeString("required", "false");
                writer.WriteAttributeString("variableLength", "false");
                writer.WriteString(metadata.Type);
                writer.WriteEndElement();
            }
        }
        else
        {
            writer.WriteStartElement("command", "parameterValue", CommandNs);
            writer.WriteAttributeString("required", "true");
            writer.WriteAttributeString("variableLength", variableLength);
            writer.WriteString(metadata.Type);
            writer.WriteEndElement();
        }

        writer.WriteStartElement("dev", "type", DevNs);
        writer.WriteElementString("maml", "name", MamlNs, metadata.Type);
        writer.WriteElementString("maml", "uri", MamlNs, string.Empty);
        writer.WriteEndElement();
        writer.WriteElementString("dev", "defaultValue", DevNs, metadata.IsSwitch && metadata.DefaultValue == "None" ? "False" : metadata.DefaultValue);
        writer.WriteEndElement();
    }

    private static void WriteTypes(XmlWriter writer, string listName, string itemName, IReadOnlyList<TypeHelp> types)
    {
        writer.WriteStartElement("command", listName, CommandNs);
        foreach (var type in types)
        {
            writer.WriteStartElement("command", itemName, CommandNs);
            writer.WriteStartElement("dev", "type", DevNs);
            writer.WriteElementString("maml", "name", MamlNs, type.Name);
            writer.WriteEndElement();
            WriteParas(writer, "description", type.Description);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteParas(XmlWriter writer, string element, IEnumerable<string> paragraphs)
    {
        writer.WriteStartElement("maml", element, MamlNs);
        foreach (var paragraph in paragraphs)
        {
            writer.WriteElementString("maml", "para", MamlNs, paragraph);
        }

        writer.WriteEndElement();
    }
}
