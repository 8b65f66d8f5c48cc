using System.Collections.Generic;

namespace SecretsPS.HelpCompiler.Markdown;

/// <summary>A markdown file split into its YAML front matter (in order, keys as written) and body blocks.</summary>
public sealed record MarkdownFile(
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> FrontMatter,
    IReadOnlyList<Block> Blocks)
{
    public string? GetFrontMatter(string key)
    {
        foreach (var pair in FrontMatter)
        {
            if (pair.Key == key)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public bool HasFrontMatter(string key) => GetFrontMatter(key) is not null;
}
