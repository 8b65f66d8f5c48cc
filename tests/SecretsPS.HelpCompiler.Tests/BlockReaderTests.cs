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
    public void CommentsInterruptParagraphsAndSpanLines()
    {
        var file = BlockReader.Read("x.md", "text\n<!-- illustrative:\nneeds AWS -->\nmore\n- item\n");

        Assert.Equal(
            [BlockKind.Paragraph, BlockKind.Comment, BlockKind.Paragraph, BlockKind.ListItem],
            file.Blocks.Select(b => b.Kind));
        Assert.Equal("illustrative:\nneeds AWS", file.Blocks[1].Text);
        Assert.Equal(4, file.Blocks[2].Line);
    }

    [Theory]
    [InlineData("---\nkey value\n---\n", "not 'key: value'")]
    [InlineData("---\na: 1\na: 2\n---\n", "appears twice")]
    [InlineData("---\na: 1\n", "never closed")]
    [InlineData("<!-- open\n", "never closed")]
    public void RejectsBrokenStructure(string markdown, string expected)
    {
        var error = Assert.Throws<HelpCompilationException>(() => BlockReader.Read("x.md", markdown));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
