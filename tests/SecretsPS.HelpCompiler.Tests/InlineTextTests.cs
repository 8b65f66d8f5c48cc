using SecretsPS.HelpCompiler.Markdown;
using Xunit;

namespace SecretsPS.HelpCompiler.Tests;

public class InlineTextTests
{
    [Theory]
    [InlineData("one\ntwo", "one two")]
    [InlineData("**bold** and __strong__", "bold and strong")]
    [InlineData(@"platyPS escapes \<value\>, \[x\] and \`tick\`", "platyPS escapes <value>, [x] and `tick`")]
    [InlineData("see [Get-Secret](Get-Secret.md)", "see Get-Secret")]
    [InlineData("see [the guide](https://example.invalid/guide)", "see the guide (https://example.invalid/guide)")]
    [InlineData("keep `code` as written", "keep `code` as written")]
    [InlineData(@"not a link: \[a\](b)", "not a link: [a](b)")]
    public void ToPlainRendersParagraphText(string markdown, string expected)
    {
        Assert.Equal(expected, InlineText.ToPlain(markdown));
    }

    [Theory]
    [InlineData("- first\n  continued", "- first continued")]
    [InlineData("* star", "- star")]
    [InlineData("3. third", "3. third")]
    public void ListItemsKeepAMarker(string markdown, string expected)
    {
        Assert.Equal(expected, InlineText.ListItemToPlain(markdown));
    }
}
