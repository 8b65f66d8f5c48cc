using System;
using System.IO;
using System.Xml;

namespace SecretsPS.HelpCompiler;

/// <summary>SecretsPS.HelpCompiler --docs &lt;docs/en-US&gt; --out &lt;moduleDir&gt;/en-US</summary>
public static class Program
{
    private const string Usage = "usage: SecretsPS.HelpCompiler --docs <docs/en-US> --out <moduleDir>/en-US";

    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? docs = null;
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--docs" when i + 1 < args.Length:
                    docs = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "-h" or "--help" or "-?":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    Console.Error.WriteLine($"error: unexpected argument '{args[i]}'");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        if (docs is null || output is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            var result = HelpCompiler.Compile(docs, output);
            foreach (var file in result.WrittenFiles)
            {
                Console.WriteLine($"wrote {file}");
            }

            Console.WriteLine($"{result.CommandCount} command page(s), {result.AboutTopicCount} about topic(s), {result.SkippedFiles.Count} module page(s) skipped");
            return 0;
        }
        catch (HelpCompilationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            Console.Error.WriteLine($"error: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }
}
