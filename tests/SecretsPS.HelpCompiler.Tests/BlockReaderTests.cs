using System;
using System.Linq;
using SecretsPS.HelpCompiler.Markdown;
using Xunit;

namespace SecretsPS.HelpCompiler.Tests;

public class BlockReaderTests
{
    [Fact]
    public void ReadsFrontMatterInOrderAndStripsABom()
    {
        var file = BlockReader.Read("x.md", "\uFEFF---\nb: 2\na: one: two\nempty:\n---\n# T\n");

        Assert.Equal(["b", "a", "empty"], file.FrontMatter.Select(p => p.Key));
        Assert.Equal("one: two", file.GetFrontMatter("a"));
        Assert.Equal(string.Empty, file.GetFrontMatter("empty"));
        Assert.Equal(new Block(BlockKind.Heading, 6, "T", 1), Assert.Single(file.Blocks));
    }

    [Fact]
    public void TildeAndLongerFencesCloseOnlyOnAMatchingFence()
    {
        var file = BlockReader.Read("x.md", "~~~~yaml\n```\n# not a heading\n~~~\n~~~~\n## After\n");

        Assert.Equal(2, file.Blocks.Count);
        Assert.Equal(BlockKind.Fence, file.Blocks[0].Kind);
        Assert.Equal("yaml", file.Blocks[0].Info);
        Assert.Equal("```\n# not a heading\n~~~", file.Blocks[0].Text);
        Assert.Equal(new Block(BlockKind.Heading, 6, "After", 2), file.Blocks[1]);
    }

    [Fact]
    public void RejectsHtmlCommentsWhichPlatyPSWouldPrint()
    {
        var error = Assert.Throws<HelpCompilationException>(() => BlockReader.Read("x.md", "text\n\n  <!-- prints: 5 -->\n"));

        Assert.Equal(3, error.Line);
        Assert.Contains("HTML comment", error.Message, StringComparison.Ordinal);
        Assert.Contains("HelpExamples.psd1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommentMarkersInsideCodeStayCode()
    {
        var file = BlockReader.Read("x.md", "```html\n<!-- markup -->\n```\n");

        Assert.Equal(new Block(BlockKind.Fence, 1, "<!-- markup -->", Info: "html"), Assert.Single(file.Blocks));
    }

    [Theory]
    [InlineData("---\nkey value\n---\n", "not 'key: value'")]
    [InlineData("---\na: 1\na: 2\n---\n", "appears twice")]
    [InlineData("---\na: 1\n", "never closed")]
    public void RejectsBrokenStructure(string markdown, string expected)
    {
        var error = Assert.Throws<HelpCompilationException>(() => BlockReader.Read("x.md", markdown));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
