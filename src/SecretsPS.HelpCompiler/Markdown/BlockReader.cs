using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SecretsPS.HelpCompiler.Markdown;

/// <summary>
/// Splits markdown into front matter and blocks. Code fences are recognised before anything else, so a
/// <c># comment</c> inside an example is never read as a heading.
/// </summary>
public static partial class BlockReader
{
    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})\s*(?<info>[^`]*?)\s*$")]
    private static partial Regex FenceOpen();

    [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})(?:[ \t]+(?<text>.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")]
    private static partial Regex ListMarker();

    public static MarkdownFile Read(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var index = 0;
        if (lines.Length > 0 && lines[0].Length > 0 && lines[0][0] == '\uFEFF')
        {
            lines[0] = lines[0][1..];
        }

        var frontMatter = ReadFrontMatter(path, lines, ref index);
        var blocks = new List<Block>();
        var paragraph = new List<string>();
        var paragraphKind = BlockKind.Paragraph;
        var paragraphLine = 0;

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new Block(paragraphKind, paragraphLine, string.Join('\n', paragraph)));
                paragraph.Clear();
            }
        }

        while (index < lines.Length)
        {
            var line = lines[index];
            var lineNumber = index + 1;

            var fence = FenceOpen().Match(line);
            if (fence.Success)
            {
                FlushParagraph();
                blocks.Add(ReadFence(path, lines, ref index, fence.Groups["fence"].Value, fence.Groups["info"].Value));
                continue;
            }

            // platyPS 0.14 has no notion of HTML comments: New-ExternalHelp would print one verbatim in the help.
            // Refusing them keeps every page that compiles here a page platyPS renders the same way.
            if (line.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                throw new HelpCompilationException(path, lineNumber, "HTML comment: platyPS would print it in the help text; keep notes out of the page (example test annotations go in tests/pester/HelpExamples.psd1)");
            }

            var heading = Heading().Match(line);
            if (heading.Success)
            {
                FlushParagraph();
                blocks.Add(new Block(BlockKind.Heading, lineNumber, heading.Groups["text"].Value.Trim(), heading.Groups["hashes"].Length));
                index++;
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                FlushParagraph();
                index++;
                continue;
            }

            if (ListMarker().IsMatch(line))
            {
                FlushParagraph();
                paragraphKind = BlockKind.ListItem;
                paragraphLine = lineNumber;
            }
            else if (paragraph.Count == 0)
            {
                paragraphKind = BlockKind.Paragraph;
                paragraphLine = lineNumber;
            }

            paragraph.Add(line);
            index++;
        }

        FlushParagraph();
        return new MarkdownFile(path, frontMatter, blocks);
    }

    private static List<KeyValuePair<string, string>> ReadFrontMatter(string path, string[] lines, ref int index)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return result;
        }

        for (index = 1; index < lines.Length; index++)
        {
            var line = lines[index];
            if (line.TrimEnd() == "---")
            {
                index++;
                return result;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new HelpCompilationException(path, index + 1, $"front matter line is not 'key: value': '{line}'");
            }

            var key = line[..colon].Trim();
            foreach (var existing in result)
            {
                if (existing.Key == key)
                {
                    throw new HelpCompilationException(path, index + 1, $"front matter key '{key}' appears twice");
                }
            }

            result.Add(new KeyValuePair<string, string>(key, line[(colon + 1)..].Trim()));
        }

        throw new HelpCompilationException(path, 1, "front matter opened with '---' is never closed");
    }

    private static Block ReadFence(string path, string[] lines, ref int index, string fence, string info)
    {
        var start = index + 1;
        var indent = lines[index].Length - lines[index].TrimStart(' ').Length;
        var content = new List<string>();
        for (index++; index < lines.Length; index++)
        {
            var candidate = lines[index].TrimEnd();
            var trimmed = candidate.TrimStart(' ');
            if (candidate.Length - trimmed.Length <= 3
                && trimmed.Length >= fence.Length
                && trimmed.Trim(fence[0]).Length == 0)
            {
                index++;
                return new Block(BlockKind.Fence, start, string.Join('\n', content), Info: info);
            }

            var raw = lines[index];
            var removable = Math.Min(indent, raw.Length - raw.TrimStart(' ').Length);
            content.Add(raw[removable..]);
        }

        throw new HelpCompilationException(path, start, $"code fence '{fence}' opened here is never closed");
    }
}
