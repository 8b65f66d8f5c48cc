using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using SecretsPS.HelpCompiler.Markdown;
using SecretsPS.HelpCompiler.Parsing;
using SecretsPS.HelpCompiler.Writing;
using Xunit;

namespace SecretsPS.HelpCompiler.Tests;

public class MamlWriterTests
{
    private static XmlDocument WriteGreeting(out byte[] bytes)
    {
        var help = CommandPageParser.Parse(BlockReader.Read("Get-Greeting.md", SamplePages.Greeting));
        using var stream = new MemoryStream();
        MamlWriter.Write(stream, [help]);
        bytes = stream.ToArray();
        var document = new XmlDocument();
        using var reader = new MemoryStream(bytes);
        document.Load(reader);
        return document;
    }

    private static XmlNamespaceManager Namespaces(XmlDocument document)
    {
        var namespaces = new XmlNamespaceManager(document.NameTable);
        namespaces.AddNamespace("msh", "http://msh");
        namespaces.AddNamespace("maml", "http://schemas.microsoft.com/maml/2004/10");
        namespaces.AddNamespace("command", "http://schemas.microsoft.com/maml/dev/command/2004/10");
        namespaces.AddNamespace("dev", "http://schemas.microsoft.com/maml/dev/2004/10");
        return namespaces;
    }

    [Fact]
    public void WritesUtf8WithMatchingDeclarationAndNoBom()
    {
        WriteGreeting(out var bytes);

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTripsDetailsDescriptionAndParameters()
    {
        var document = WriteGreeting(out _);
        var ns = Namespaces(document);
        var command = document.SelectSingleNode("/msh:helpItems/command:command", ns)!;

        Assert.Equal("maml", document.DocumentElement!.GetAttribute("schema"));
        Assert.Equal("Get-Greeting", command.SelectSingleNode("command:details/command:name", ns)!.InnerText);
        Assert.Equal("Get", command.SelectSingleNode("command:details/command:verb", ns)!.InnerText);
        Assert.Equal("Greeting", command.SelectSingleNode("command:details/command:noun", ns)!.InnerText);
        Assert.Equal("Returns a greeting for each name.", command.SelectSingleNode("command:details/maml:description/maml:para", ns)!.InnerText);
        Assert.Equal(2, command.SelectNodes("maml:description/maml:para", ns)!.Count);

        var parameters = command.SelectNodes("command:parameters/command:parameter", ns)!.Cast<XmlElement>().ToList();
        Assert.Equal(["Everyone", "Name", "Salutation"], parameters.Select(p => p.SelectSingleNode("maml:name", ns)!.InnerText));
        var name = parameters[1];
        Assert.Equal("true", name.GetAttribute("required"));
        Assert.Equal("true", name.GetAttribute("globbing"));
        Assert.Equal("0", name.GetAttribute("position"));
        Assert.Equal("True (ByPropertyName, ByValue)", name.GetAttribute("pipelineInput"));
        Assert.Equal("N", name.GetAttribute("aliases"));
        Assert.Equal("One or more names to greet.", name.SelectSingleNode("maml:description/maml:para", ns)!.InnerText);
        Assert.Equal("String[]", name.SelectSingleNode("dev:type/maml:name", ns)!.InnerText);
        Assert.Equal("named", parameters[0].GetAttribute("position"));
        Assert.Equal("none", parameters[0].GetAttribute("aliases"));
        Assert.Equal("SwitchParameter", parameters[0].SelectSingleNode("command:parameterValue", ns)!.InnerText);
        Assert.Equal("False", parameters[0].SelectSingleNode("dev:defaultValue", ns)!.InnerText);
    }

    [Fact]
    public void SyntaxItemsPutDefaultSetFirstAndPositionalParametersByPosition()
    {
        var document = WriteGreeting(out _);
        var ns = Namespaces(document);
        var items = document.SelectNodes("//command:syntax/command:syntaxItem", ns)!.Cast<XmlElement>().ToList();

        Assert.Equal(2, items.Count);
        string[] Names(XmlElement item) => item.SelectNodes("command:parameter/maml:name", ns)!.Cast<XmlNode>().Select(n => n.InnerText).ToArray();
        Assert.Equal(["Name", "Salutation"], Names(items[0]));
        Assert.Equal(["Salutation", "Everyone"], Names(items[1]));
    }

    [Fact]
    public void SwitchesHaveNoValueInSyntaxAndValidateSetValuesFormAGroup()
    {
        var document = WriteGreeting(out _);
        var ns = Namespaces(document);
        var everyone = document.SelectSingleNode("//command:syntaxItem/command:parameter[maml:name='Everyone']", ns)!;
        var salutation = document.SelectSingleNode("//command:syntaxItem/command:parameter[maml:name='Salutation']", ns)!;

        Assert.Null(everyone.SelectSingleNode("command:parameterValue", ns));
        Assert.Equal(
            ["Hello", "Hi"],
            salutation.SelectNodes("command:parameterValueGroup/command:parameterValue", ns)!.Cast<XmlNode>().Select(n => n.InnerText));
    }

    [Fact]
    public void WritesExamplesTypesNotesAndLinks()
    {
        var document = WriteGreeting(out _);
        var ns = Namespaces(document);
        var examples = document.SelectNodes("//command:examples/command:example", ns)!.Cast<XmlElement>().ToList();

        Assert.Equal(2, examples.Count);
        Assert.Contains("Example 1: Greet two people", examples[0].SelectSingleNode("maml:title", ns)!.InnerText, StringComparison.Ordinal);
        Assert.StartsWith("---", examples[0].SelectSingleNode("maml:title", ns)!.InnerText, StringComparison.Ordinal);
        Assert.Equal("# Greets both; this comment must stay code\nGet-Greeting -Name Ann, Bob", examples[0].SelectSingleNode("dev:code", ns)!.InnerText);
        Assert.Equal(
            ["Writes two greeting strings.", string.Empty],
            examples[0].SelectNodes("dev:remarks/maml:para", ns)!.Cast<XmlNode>().Select(n => n.InnerText));
        Assert.Equal("Before the code.", examples[1].SelectSingleNode("maml:introduction/maml:para", ns)!.InnerText);

        Assert.Equal("System.String[]", document.SelectSingleNode("//command:inputTypes/command:inputType/dev:type/maml:name", ns)!.InnerText);
        Assert.Equal("System.String", document.SelectSingleNode("//command:returnValues/command:returnValue/dev:type/maml:name", ns)!.InnerText);
        Assert.Equal("A note.", document.SelectSingleNode("//maml:alertSet/maml:alert/maml:para", ns)!.InnerText);

        var links = document.SelectNodes("//command:relatedLinks/maml:navigationLink", ns)!.Cast<XmlElement>().ToList();
        Assert.Equal(3, links.Count);
        Assert.Equal("Online Version:", links[0].SelectSingleNode("maml:linkText", ns)!.InnerText);
        Assert.Equal("https://example.invalid/docs/Get-Greeting.md", links[0].SelectSingleNode("maml:uri", ns)!.InnerText);
        Assert.Equal(string.Empty, links[1].SelectSingleNode("maml:uri", ns)!.InnerText);
    }

    [Theory]
    [InlineData("Example 1: Greet two people")]
    [InlineData("A title that is so long that no dashes would fit in sixty-four characters at all")]
    public void PadsExampleTitlesWithDashes(string title)
    {
        var padded = MamlWriter.PadTitle(title);

        Assert.Matches("^-{3,} " + System.Text.RegularExpressions.Regex.Escape(title) + " -{3,}$", padded);
    }
}
