using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using SecretsPS.HelpCompiler.Markdown;
using SecretsPS.HelpCompiler.Model;

namespace SecretsPS.HelpCompiler.Parsing;

/// <summary>
/// Parses a platyPS schema 2.0.0 command page as strictly as platyPS 0.14: H2s in any order but only the known
/// ones, each at most once; only known parameter YAML keys; set names must come from SYNTAX.
/// </summary>
public static partial class CommandPageParser
{
    public const string Synopsis = "SYNOPSIS";
    public const string Syntax = "SYNTAX";
    public const string DescriptionSection = "DESCRIPTION";
    public const string Examples = "EXAMPLES";
    public const string Parameters = "PARAMETERS";
    public const string Inputs = "INPUTS";
    public const string Outputs = "OUTPUTS";
    public const string Notes = "NOTES";
    public const string RelatedLinks = "RELATED LINKS";

    public static readonly IReadOnlyList<string> Sections =
        [Synopsis, Syntax, DescriptionSection, Examples, Parameters, Inputs, Outputs, Notes, RelatedLinks];

    private const string DefaultSuffix = "(Default)";

    [GeneratedRegex(@"^\[(?<text>[^\]]+)\]\((?<url>[^)\s]*)\)$")]
    private static partial Regex LinkLine();

    [GeneratedRegex(@"^[A-Za-z]+-[A-Za-z0-9]+$")]
    private static partial Regex CommandName();

    public static CommandHelp Parse(MarkdownFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = file.Path;
        var schema = file.GetFrontMatter("schema");
        if (schema is not null && schema != "2.0.0")
        {
            throw new HelpCompilationException(path, 1, $"front matter 'schema' is '{schema}'; only 2.0.0 is supported");
        }

        var helpFile = file.GetFrontMatter("external help file");
        if (string.IsNullOrEmpty(helpFile))
        {
            throw new HelpCompilationException(path, 1, "front matter lacks 'external help file' (e.g. SecretsPS.dll-Help.xml)");
        }

        var (name, sections) = SplitSections(file);
        if (!sections.TryGetValue(Synopsis, out var synopsisSection))
        {
            throw new HelpCompilationException(path, 1, $"{name}: missing ## {Synopsis}");
        }

        var synopsis = string.Join(' ', ReadProse(path, Synopsis, synopsisSection.Blocks));
        if (synopsis.Length == 0)
        {
            throw new HelpCompilationException(path, synopsisSection.Line, $"{name}: ## {Synopsis} is empty");
        }

        var (sets, defaultSet) = sections.TryGetValue(Syntax, out var syntax)
            ? ReadSyntax(path, syntax)
            : ((IReadOnlyList<string>)[ParameterYamlParser.AllSets], ParameterYamlParser.AllSets);

        var parameters = new List<ParameterHelp>();
        var commonParameters = false;
        if (sections.TryGetValue(Parameters, out var parameterSection))
        {
            commonParameters = ReadParameters(path, parameterSection, sets, parameters);
        }

        return new CommandHelp
        {
            SourcePath = path,
            Name = name,
            ExternalHelpFile = helpFile,
            ModuleName = file.GetFrontMatter("Module Name"),
            OnlineVersion = file.GetFrontMatter("online version"),
            Synopsis = synopsis,
            Description = sections.TryGetValue(DescriptionSection, out var description) ? ReadProse(path, DescriptionSection, description.Blocks) : [],
            ParameterSets = sets,
            DefaultParameterSet = defaultSet,
            Parameters = parameters,
            SupportsCommonParameters = commonParameters,
            Examples = sections.TryGetValue(Examples, out var examples) ? ReadExamples(path, examples) : [],
            Inputs = sections.TryGetValue(Inputs, out var inputs) ? ReadTypes(path, inputs) : [],
            Outputs = sections.TryGetValue(Outputs, out var outputs) ? ReadTypes(path, outputs) : [],
            Notes = sections.TryGetValue(Notes, out var notes) ? ReadProse(path, Notes, notes.Blocks) : [],
            RelatedLinks = ReadLinks(path, file.GetFrontMatter("online version"), sections.TryGetValue(RelatedLinks, out var links) ? links : null),
        };
    }

    private sealed record Section(string Name, int Line, List<Block> Blocks);

    private static (string Name, Dictionary<string, Section> Sections) SplitSections(MarkdownFile file)
    {
        var path = file.Path;
        string? name = null;
        Section? current = null;
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        foreach (var block in file.Blocks)
        {
            if (block.Kind == BlockKind.Heading && block.Level == 1)
            {
                if (name is not null)
                {
                    throw new HelpCompilationException(path, block.Line, $"second # heading '{block.Text}'; a command page has one H1");
                }

                if (!CommandName().IsMatch(block.Text))
                {
                    throw new HelpCompilationException(path, block.Line, $"# heading '{block.Text}' is not a Verb-Noun command name");
                }

                name = block.Text;
                continue;
            }

            if (name is null)
            {
                throw new HelpCompilationException(path, block.Line, "a command page must start with '# <Command-Name>'");
            }

            if (block.Kind == BlockKind.Heading && block.Level == 2)
            {
                var sectionName = block.Text.ToUpperInvariant();
                if (!Contains(Sections, sectionName))
                {
                    throw new HelpCompilationException(path, block.Line,
                        $"Unexpected header name '{block.Text}'; allowed ## headings: {string.Join(", ", Sections)}");
                }

                current = new Section(sectionName, block.Line, []);
                if (!sections.TryAdd(sectionName, current))
                {
                    throw new HelpCompilationException(path, block.Line, $"## {block.Text} appears twice");
                }

                continue;
            }

            if (current is null)
            {
                throw new HelpCompilationException(path, block.Line, "content between the # heading and the first ## section");
            }

            if (block.Kind == BlockKind.Heading && block.Level > 3)
            {
                throw new HelpCompilationException(path, block.Line, $"heading level {block.Level} is not used by the schema: '{block.Text}'");
            }

            current.Blocks.Add(block);
        }

        if (name is null)
        {
            throw new HelpCompilationException(path, 1, "no '# <Command-Name>' heading");
        }

        return (name, sections);
    }

    /// <summary>Paragraphs, list items and code as MAML paragraphs; headings are errors.</summary>
    private static List<string> ReadProse(string path, string section, IEnumerable<Block> blocks)
    {
        var result = new List<string>();
        foreach (var block in blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Paragraph:
                    result.Add(InlineText.ToPlain(block.Text));
                    break;
                case BlockKind.ListItem:
                    result.Add(InlineText.ListItemToPlain(block.Text));
                    break;
                case BlockKind.Fence:
                    result.Add(Indent(block.Text));
                    break;
                default:
                    throw new HelpCompilationException(path, block.Line, $"## {section} cannot contain the heading '{block.Text}'");
            }
        }

        return result;
    }

    private static string Indent(string code)
    {
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].Length == 0 ? string.Empty : "    " + lines[i];
        }

        return string.Join('\n', lines);
    }

    private static (IReadOnlyList<string> Sets, string DefaultSet) ReadSyntax(string path, Section section)
    {
        var sets = new List<string>();
        string? defaultSet = null;
        foreach (var block in section.Blocks)
        {
            if (block.Kind != BlockKind.Heading)
            {
                continue;
            }

            var setName = block.Text;
            var isDefault = setName.EndsWith(DefaultSuffix, StringComparison.Ordinal);
            if (isDefault)
            {
                setName = setName[..^DefaultSuffix.Length].TrimEnd();
                if (defaultSet is not null)
                {
                    throw new HelpCompilationException(path, block.Line, $"two default parameter sets: '{defaultSet}' and '{setName}'");
                }

                defaultSet = setName;
            }

            if (setName.Length == 0 || Contains(sets, setName))
            {
                throw new HelpCompilationException(path, block.Line, $"parameter set heading '{block.Text}' is empty or repeated");
            }

            sets.Add(setName);
        }

        if (sets.Count == 0)
        {
            return ([ParameterYamlParser.AllSets], ParameterYamlParser.AllSets);
        }

        return (sets, defaultSet ?? sets[0]);
    }

    private static bool ReadParameters(string path, Section section, IReadOnlyList<string> sets, List<ParameterHelp> parameters)
    {
        var commonParameters = false;
        var index = 0;
        var blocks = section.Blocks;
        while (index < blocks.Count)
        {
            var heading = blocks[index];
            if (heading.Kind != BlockKind.Heading)
            {
                throw new HelpCompilationException(path, heading.Line, "## PARAMETERS content must sit under a '### -<Name>' heading");
            }

            var body = new List<Block>();
            for (index++; index < blocks.Count && blocks[index].Kind != BlockKind.Heading; index++)
            {
                body.Add(blocks[index]);
            }

            if (heading.Text is "CommonParameters" or "WorkflowParameters")
            {
                commonParameters |= heading.Text == "CommonParameters";
                continue;
            }

            if (!heading.Text.StartsWith('-') || heading.Text.Length < 2)
            {
                throw new HelpCompilationException(path, heading.Line, $"parameter heading '### {heading.Text}' must be '### -<Name>' or '### CommonParameters'");
            }

            parameters.Add(ReadParameter(path, heading, body, sets, parameters));
        }

        return commonParameters;
    }

    private static ParameterHelp ReadParameter(string path, Block heading, List<Block> body, IReadOnlyList<string> sets, List<ParameterHelp> existing)
    {
        var name = heading.Text[1..].Trim();
        foreach (var other in existing)
        {
            if (string.Equals(other.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                throw new HelpCompilationException(path, heading.Line, $"parameter -{name} is documented twice");
            }
        }

        var description = new List<string>();
        var metadata = new List<ParameterMetadata>();
        foreach (var block in body)
        {
            if (block.Kind == BlockKind.Fence && string.Equals(block.Info, "yaml", StringComparison.OrdinalIgnoreCase))
            {
                var record = ParameterYamlParser.Parse(path, name, block, sets);
                foreach (var set in record.ParameterSets)
                {
                    foreach (var earlier in metadata)
                    {
                        if (Contains(earlier.ParameterSets, set))
                        {
                            throw new HelpCompilationException(path, block.Line, $"-{name}: parameter set '{set}' is covered by two yaml blocks");
                        }
                    }
                }

                metadata.Add(record);
            }
            else if (metadata.Count > 0)
            {
                throw new HelpCompilationException(path, block.Line, $"-{name}: description text must come before the yaml blocks");
            }
            else
            {
                description.AddRange(ReadProse(path, Parameters, [block]));
            }
        }

        if (metadata.Count == 0)
        {
            throw new HelpCompilationException(path, heading.Line, $"-{name}: no ```yaml block with the parameter's metadata");
        }

        return new ParameterHelp { Name = name, Description = description, Metadata = metadata };
    }

    private static List<ExampleHelp> ReadExamples(string path, Section section)
    {
        var examples = new List<ExampleHelp>();
        var blocks = section.Blocks;
        var index = 0;
        while (index < blocks.Count)
        {
            var heading = blocks[index];
            if (heading.Kind != BlockKind.Heading)
            {
                throw new HelpCompilationException(path, heading.Line, "## EXAMPLES content must sit under a '### <title>' heading");
            }

            var introduction = new List<string>();
            var code = new List<string>();
            var remarks = new List<string>();
            for (index++; index < blocks.Count && blocks[index].Kind != BlockKind.Heading; index++)
            {
                var block = blocks[index];
                if (block.Kind == BlockKind.Fence)
                {
                    if (remarks.Count > 0)
                    {
                        throw new HelpCompilationException(path, block.Line, $"example '{heading.Text}': a code block after the remarks; put all code first");
                    }

                    code.Add(block.Text);
                }
                else if (code.Count == 0)
                {
                    introduction.AddRange(ReadProse(path, Examples, [block]));
                }
                else
                {
                    remarks.AddRange(ReadProse(path, Examples, [block]));
                }
            }

            if (code.Count == 0)
            {
                throw new HelpCompilationException(path, heading.Line, $"example '{heading.Text}' has no code block");
            }

            examples.Add(new ExampleHelp
            {
                Title = heading.Text,
                Introduction = introduction,
                Code = code,
                Remarks = remarks,
                Line = heading.Line,
            });
        }

        return examples;
    }

    private static List<TypeHelp> ReadTypes(string path, Section section)
    {
        var types = new List<TypeHelp>();
        string? typeName = null;
        var description = new List<string>();
        foreach (var block in section.Blocks)
        {
            if (block.Kind == BlockKind.Heading)
            {
                if (typeName is not null)
                {
                    types.Add(new TypeHelp(typeName, description));
                }

                typeName = block.Text;
                description = [];
                continue;
            }

            if (typeName is null)
            {
                throw new HelpCompilationException(path, block.Line, $"## {section.Name} text must sit under a '### <TypeName>' heading");
            }

            description.AddRange(ReadProse(path, section.Name, [block]));
        }

        if (typeName is not null)
        {
            types.Add(new TypeHelp(typeName, description));
        }

        return types;
    }

    private static List<LinkHelp> ReadLinks(string path, string? onlineVersion, Section? section)
    {
        var links = new List<LinkHelp>();
        if (!string.IsNullOrWhiteSpace(onlineVersion))
        {
            links.Add(new LinkHelp("Online Version:", onlineVersion));
        }

        if (section is null)
        {
            return links;
        }

        foreach (var block in section.Blocks)
        {
            if (block.Kind is not (BlockKind.Paragraph or BlockKind.ListItem))
            {
                throw new HelpCompilationException(path, block.Line, "## RELATED LINKS holds only '[text](url)' lines");
            }

            for (var i = 0; i < block.Lines.Count; i++)
            {
                var line = block.Lines[i].Trim().TrimStart('-', '*').Trim();
                var match = LinkLine().Match(line);
                if (!match.Success)
                {
                    throw new HelpCompilationException(path, block.Line + i,
                        string.Create(CultureInfo.InvariantCulture, $"related link line is not '[text](url)': '{line}'"));
                }

                var url = match.Groups["url"].Value;
                links.Add(new LinkHelp(match.Groups["text"].Value, InlineText.IsAbsoluteUrl(url) ? url : string.Empty));
            }
        }

        return links;
    }

    private static bool Contains(IEnumerable<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (candidate == value)
            {
                return true;
            }
        }

        return false;
    }
}
