using System;
using System.IO;
using Xunit;

namespace SecretsPS.HelpCompiler.Tests;

public sealed class HelpCompilerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "helpcompiler-" + Guid.NewGuid().ToString("N"));

    public HelpCompilerTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "docs"));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    private string Docs => Path.Combine(_root, "docs");

    private string Output => Path.Combine(_root, "out", "en-US");

    private void Page(string name, string content) => File.WriteAllText(Path.Combine(Docs, name), content);

    [Fact]
    public void GroupsByExternalHelpFileSkipsModulePageAndConvertsAbout()
    {
        Page("Get-Greeting.md", SamplePages.Greeting);
        Page("Get-Other.md", SamplePages.Greeting.Replace("Get-Greeting", "Get-Other", StringComparison.Ordinal));
        Page("Demo.Help.md", SamplePages.ModulePage);
        Page("about_Demo.md", SamplePages.About);

        var result = HelpCompiler.Compile(Docs, Output);

        Assert.Equal(2, result.CommandCount);
        Assert.Equal(1, result.AboutTopicCount);
        Assert.Single(result.SkippedFiles);
        Assert.Equal(["Demo.Help.dll-Help.xml", "about_Demo.help.txt"], Array.ConvertAll(Directory.GetFiles(Output), f => Path.GetFileName(f)!).AsSortedOrdinal());
        var maml = File.ReadAllText(Path.Combine(Output, "Demo.Help.dll-Help.xml"));
        Assert.Contains("<command:name>Get-Greeting</command:name>", maml, StringComparison.Ordinal);
        Assert.Contains("<command:name>Get-Other</command:name>", maml, StringComparison.Ordinal);
    }

    [Fact]
    public void PageNameMustMatchItsCommand()
    {
        Page("Get-Wrong.md", SamplePages.Greeting);

        var error = Assert.Throws<HelpCompilationException>(() => HelpCompiler.Compile(Docs, Output));

        Assert.Contains("page documents 'Get-Greeting' but is named 'Get-Wrong.md'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void CliReturnsNonZeroAndWritesNothingForABrokenPage()
    {
        Page("Get-Greeting.md", SamplePages.Greeting.Replace("## NOTES", "## NOTE", StringComparison.Ordinal));
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        int exitCode;
        try
        {
            exitCode = Program.Main(["--docs", Docs, "--out", Output]);
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Equal(1, exitCode);
        Assert.Contains("Get-Greeting.md:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Unexpected header name 'NOTE'", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void CliRejectsMissingArguments()
    {
        var previous = Console.Error;
        Console.SetError(new StringWriter());
        try
        {
            Assert.Equal(2, Program.Main(["--docs", Docs]));
        }
        finally
        {
            Console.SetError(previous);
        }
    }
}

internal static class SortExtensions
{
    public static string[] AsSortedOrdinal(this string[] values)
    {
        Array.Sort(values, StringComparer.Ordinal);
        return values;
    }
}
