using System;
using System.Collections.Generic;
using System.Text;
using SecretsPS.HelpCompiler.Markdown;

namespace SecretsPS.HelpCompiler.Writing;

/// <summary>
/// Converts an about topic in platyPS 0.14's layout (# about_X, ## about_X, then # SHORT DESCRIPTION, ...) into the
/// about_X.help.txt that Get-Help reads: TOPIC in column 1, the topic name and content indented, wrapped at 80.
/// </summary>
public static class AboutTopicWriter
{
    public const int Width = 80;
    private const string Indent = "    ";

    public static string TopicName(MarkdownFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var headings = new List<Block>();
        foreach (var block in file.Blocks)
        {
            if (block.Kind == BlockKind.Heading)
            {
                headings.Add(block);
            }
        }

        if (headings.Count < 2 || headings[0].Level != 1 || !headings[0].Text.StartsWith("about_", StringComparison.Ordinal))
        {
            throw new HelpCompilationException(file.Path, headings.Count > 0 ? headings[0].Line : 1, "an about topic starts with '# about_<Name>'");
        }

        // platyPS 0.14 recognises an about topic by its second heading starting with "about".
        if (!headings[1].Text.StartsWith("about", StringComparison.OrdinalIgnoreCase))
        {
            throw new HelpCompilationException(file.Path, headings[1].Line, $"the second heading of an about topic must be '## {headings[0].Text}' (platyPS rule)");
        }

        return headings[0].Text;
    }

    public static string Convert(MarkdownFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = TopicName(file);
        var text = new StringBuilder();
        text.Append("TOPIC\n").Append(Indent).Append(name).Append('\n');
        var headingsSeen = 0;
        var hasShortDescription = false;
        BlockKind? previous = null;
        foreach (var block in file.Blocks)
        {
            // A blank line separates blocks, except right under a heading and between items of one list.
            var separate = previous is not (null or BlockKind.Heading)
                && !(previous == BlockKind.ListItem && block.Kind == BlockKind.ListItem);
            previous = block.Kind;

            if (separate && block.Kind is BlockKind.Paragraph or BlockKind.ListItem or BlockKind.Fence)
            {
                text.Append('\n');
            }

            switch (block.Kind)
            {
                case BlockKind.Heading:
                    headingsSeen++;
                    if (headingsSeen <= 2)
                    {
                        break;
                    }

                    text.Append('\n');
                    if (block.Level == 1)
                    {
                        var upper = block.Text.ToUpperInvariant();
                        hasShortDescription |= upper == "SHORT DESCRIPTION";
                        text.Append(upper).Append('\n');
                    }
                    else
                    {
                        text.Append(Indent).Append(block.Text).Append('\n');
                        if (block.Level == 2)
                        {
                            text.Append(Indent).Append(new string('-', block.Text.Length)).Append('\n');
                        }
                    }

                    break;
                case BlockKind.Paragraph when IsTable(block):
                    foreach (var line in block.Lines)
                    {
                        text.Append(Indent).Append(line.Trim()).Append('\n');
                    }

                    break;
                case BlockKind.Paragraph:
                    Wrap(text, InlineText.ToPlain(block.Text), Indent, Indent);
                    break;
                case BlockKind.ListItem:
                    var item = InlineText.ListItemToPlain(block.Text);
                    var marker = item[..(item.IndexOf(' ', StringComparison.Ordinal) + 1)];
                    Wrap(text, item[marker.Length..], Indent + marker, Indent + new string(' ', marker.Length));
                    break;
                case BlockKind.Fence:
                    foreach (var line in block.Lines)
                    {
                        text.Append(line.Length == 0 ? string.Empty : Indent + Indent + line).Append('\n');
                    }

                    break;
                default:
                    break;
            }
        }

        if (!hasShortDescription)
        {
            throw new HelpCompilationException(file.Path, 1, "an about topic needs a '# SHORT DESCRIPTION' section (Get-Help lists it)");
        }

        return text.ToString();
    }

    private static bool IsTable(Block block)
    {
        foreach (var line in block.Lines)
        {
            if (!line.TrimStart().StartsWith('|'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Greedy word wrap at <see cref="Width"/> columns; a word longer than a line stays whole.</summary>
    public static void Wrap(StringBuilder output, string text, string firstIndent, string restIndent)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(firstIndent);
        ArgumentNullException.ThrowIfNull(restIndent);
        var line = new StringBuilder(firstIndent);
        var lineHasWord = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > Width)
            {
                output.Append(line).Append('\n');
                line.Clear().Append(restIndent);
                lineHasWord = false;
            }

            if (lineHasWord)
            {
                line.Append(' ');
            }

            line.Append(word);
            lineHasWord = true;
        }

        output.Append(line).Append('\n');
    }
}
