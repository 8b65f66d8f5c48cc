using System;
using SecretsPS.HelpCompiler.Markdown;
using SecretsPS.HelpCompiler.Writing;
using Xunit;

namespace SecretsPS.HelpCompiler.Tests;

public class AboutTopicWriterTests
{
    private static string Convert(string markdown) => AboutTopicWriter.Convert(BlockReader.Read("about_Demo.md", markdown));

    [Fact]
    public void StartsWithTopicHeaderAndIndentedName()
    {
        var text = Convert(SamplePages.About);

        Assert.StartsWith("TOPIC\n    about_Demo\n\nSHORT DESCRIPTION\n    Explains the demo module.\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void IndentsWrapsAndKeepsCodeAndLists()
    {
        var text = Convert(SamplePages.About);
        var lines = text.Split('\n');

        Assert.All(lines, line => Assert.True(line.Length <= AboutTopicWriter.Width, $"line longer than 80: '{line}'"));
        Assert.Contains("\nLONG DESCRIPTION\n    The demo module greets people.", text, StringComparison.Ordinal);
        Assert.Contains("    Pipelines\n    ---------\n", text, StringComparison.Ordinal);
        Assert.Contains("    - First item of a list.\n    - Second item.\n", text, StringComparison.Ordinal);
        Assert.Contains("        # a comment inside code, not a heading\n        Get-Greeting -Name Ann\n", text, StringComparison.Ordinal);
        Assert.Contains("\nSEE ALSO\n    Get-Greeting\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiresThePlatyPsSecondHeading()
    {
        var markdown = SamplePages.About.Replace("## about_Demo\n", "## Overview\n", StringComparison.Ordinal);

        var error = Assert.Throws<HelpCompilationException>(() => Convert(markdown));

        Assert.Equal(3, error.Line);
        Assert.Contains("second heading", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiresAShortDescription()
    {
        var markdown = SamplePages.About.Replace("# SHORT DESCRIPTION", "# SUMMARY", StringComparison.Ordinal);

        Assert.Throws<HelpCompilationException>(() => Convert(markdown));
    }
}
