using System;
using SecretsPS.HelpCompiler.Markdown;
using SecretsPS.HelpCompiler.Model;
using SecretsPS.HelpCompiler.Parsing;
using Xunit;

namespace SecretsPS.HelpCompiler.Tests;

public class CommandPageParserTests
{
    private static CommandHelp ParseGreeting() => CommandPageParser.Parse(BlockReader.Read("Get-Greeting.md", SamplePages.Greeting));

    [Fact]
    public void ReadsFrontMatterSynopsisAndDescription()
    {
        var help = ParseGreeting();

        Assert.Equal("Get-Greeting", help.Name);
        Assert.Equal("Demo.Help.dll-Help.xml", help.ExternalHelpFile);
        Assert.Equal("Demo.Help", help.ModuleName);
        Assert.Equal("Returns a greeting for each name.", help.Synopsis);
        Assert.Equal(
            ["The Get-Greeting cmdlet writes one greeting string per input name.", "Second paragraph with an escaped <value> and a link."],
            help.Description);
    }

    [Fact]
    public void ReadsSetsWithDefaultAndExpandsAll()
    {
        var help = ParseGreeting();

        Assert.Equal(["ByName", "Everyone"], help.ParameterSets);
        Assert.Equal("ByName", help.DefaultParameterSet);
        var salutation = Assert.Single(help.Parameters, p => p.Name == "Salutation");
        var metadata = Assert.Single(salutation.Metadata);
        Assert.True(metadata.AllSets);
        Assert.Equal(["ByName", "Everyone"], metadata.ParameterSets);
        Assert.Equal(["Hello", "Hi"], metadata.AcceptedValues);
        Assert.Equal(1, metadata.Position);
        Assert.Equal("Hello", metadata.DefaultValue);
        Assert.True(help.SupportsCommonParameters);
    }

    [Fact]
    public void ReadsParameterMetadata()
    {
        var name = Assert.Single(ParseGreeting().Parameters, p => p.Name == "Name");
        var metadata = Assert.Single(name.Metadata);

        Assert.Equal("String[]", metadata.Type);
        Assert.Equal(["ByName"], metadata.ParameterSets);
        Assert.Equal(["N"], metadata.Aliases);
        Assert.True(metadata.Required);
        Assert.Equal(0, metadata.Position);
        Assert.Equal("True (ByPropertyName, ByValue)", metadata.PipelineInput);
        Assert.True(metadata.AcceptsWildcards);
        Assert.Equal(["One or more names to greet."], name.Description);
    }

    [Fact]
    public void CodeFencesAreTrackedBeforeHeadings()
    {
        var help = ParseGreeting();

        Assert.Equal(2, help.Examples.Count);
        var first = help.Examples[0];
        Assert.Equal("Example 1: Greet two people", first.Title);
        Assert.Equal("# Greets both; this comment must stay code\nGet-Greeting -Name Ann, Bob", Assert.Single(first.Code));
        Assert.Equal(["Writes two greeting strings."], first.Remarks);
        Assert.Equal(["Before the code."], help.Examples[1].Introduction);
    }

    [Fact]
    public void ReadsTypesNotesAndLinksWithOnlineVersionFirst()
    {
        var help = ParseGreeting();

        Assert.Equal(new TypeHelp("System.String[]", ["Names can be piped to this cmdlet."]), Assert.Single(help.Inputs), new TypeHelpComparer());
        Assert.Equal("System.String", Assert.Single(help.Outputs).Name);
        Assert.Equal(["A note."], help.Notes);
        Assert.Equal(
            [
                new LinkHelp("Online Version:", "https://example.invalid/docs/Get-Greeting.md"),
                new LinkHelp("about_Demo.Help", string.Empty),
                new LinkHelp("Project", "https://example.invalid/project"),
            ],
            help.RelatedLinks);
    }

    [Theory]
    [InlineData("## DESCRIPTION", "## REMARKS", "Unexpected header name 'REMARKS'")]
    [InlineData("Accept wildcard characters: True", "Accept wildcards: True", "unknown yaml key 'Accept wildcards'")]
    [InlineData("Parameter Sets: Everyone", "Parameter Sets: All", "parameter set 'All' is not a ### heading under SYNTAX")]
    [InlineData("Position: 0", "Position: first", "'Position' must be Named or a 0-based number")]
    [InlineData("Accept pipeline input: False\nAccept wildcard characters: False\n```\n\n### -Name", "Accept pipeline input: Yes\nAccept wildcard characters: False\n```\n\n### -Name", "'Accept pipeline input' must be one of")]
    [InlineData("## NOTES", "## SYNOPSIS", "## SYNOPSIS appears twice")]
    public void RejectsWhatPlatyPsWouldRejectNamingFileAndLine(string original, string replacement, string expected)
    {
        Assert.Contains(original, SamplePages.Greeting, StringComparison.Ordinal);
        var page = ReplaceFirst(SamplePages.Greeting, original, replacement);
        var expectedLine = LineOf(page, replacement.Split('\n')[0]);

        var error = Assert.Throws<HelpCompilationException>(() => CommandPageParser.Parse(BlockReader.Read("Get-Greeting.md", page)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("Get-Greeting.md", error.File);
        Assert.Equal(expectedLine, error.Line);
        Assert.StartsWith($"Get-Greeting.md:{expectedLine}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAnUnclosedFence()
    {
        var page = SamplePages.Greeting[..SamplePages.Greeting.IndexOf("Writes two greeting strings.", StringComparison.Ordinal)]
            .Replace("Get-Greeting -Name Ann, Bob\n```", "Get-Greeting -Name Ann, Bob", StringComparison.Ordinal);

        var error = Assert.Throws<HelpCompilationException>(() => BlockReader.Read("x.md", page));

        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAParameterWithoutYaml()
    {
        var page = SamplePages.Greeting.Replace("### CommonParameters", "### -Loud\nShouts.\n\n### CommonParameters", StringComparison.Ordinal);

        var error = Assert.Throws<HelpCompilationException>(() => CommandPageParser.Parse(BlockReader.Read("x.md", page)));

        Assert.Contains("-Loud: no ```yaml block", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SinglePageWithoutSetHeadingsUsesAllSet()
    {
        var page = SamplePages.Greeting
            .Replace("### ByName (Default)\n", string.Empty, StringComparison.Ordinal)
            .Replace("### Everyone\n", string.Empty, StringComparison.Ordinal)
            .Replace("Parameter Sets: Everyone", "Parameter Sets: (All)", StringComparison.Ordinal)
            .Replace("Parameter Sets: ByName", "Parameter Sets: (All)", StringComparison.Ordinal);

        var help = CommandPageParser.Parse(BlockReader.Read("x.md", page));

        Assert.Equal(["(All)"], help.ParameterSets);
        Assert.Equal("(All)", help.DefaultParameterSet);
    }

    [Fact]
    public void PerSetYamlBlocksAreKeptSeparately()
    {
        var page = SamplePages.Greeting.Replace(
            "Type: SwitchParameter\nParameter Sets: Everyone",
            "Type: SwitchParameter\nParameter Sets: Everyone\nAliases:\n\nRequired: True\nPosition: Named\nDefault value: False\nAccept pipeline input: False\nAccept wildcard characters: False\n```\n\n```yaml\nType: SwitchParameter\nParameter Sets: ByName",
            StringComparison.Ordinal).Replace(
            "Parameter Sets: ByName\nAliases:\n\nRequired: True\nPosition: Named",
            "Parameter Sets: ByName\nAliases:\n\nRequired: False\nPosition: Named",
            StringComparison.Ordinal);

        var everyone = Assert.Single(CommandPageParser.Parse(BlockReader.Read("x.md", page)).Parameters, p => p.Name == "Everyone");

        Assert.Equal(2, everyone.Metadata.Count);
        Assert.True(everyone.For("Everyone")!.Required);
        Assert.False(everyone.For("ByName")!.Required);
    }

    private static string ReplaceFirst(string text, string original, string replacement)
    {
        var index = text.IndexOf(original, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + original.Length));
    }

    private static int LineOf(string text, string line)
    {
        var lines = text.Split('\n');
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            if (lines[i] == line)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"line '{line}' not found");
    }

    private sealed class TypeHelpComparer : System.Collections.Generic.IEqualityComparer<TypeHelp>
    {
        public bool Equals(TypeHelp? x, TypeHelp? y) =>
            x is not null && y is not null && x.Name == y.Name && System.Linq.Enumerable.SequenceEqual(x.Description, y.Description);

        public int GetHashCode(TypeHelp obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
