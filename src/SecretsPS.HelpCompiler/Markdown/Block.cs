using System.Collections.Generic;

namespace SecretsPS.HelpCompiler.Markdown;

/// <summary>
/// One block of a markdown body. <see cref="Text"/> is the heading text, the raw paragraph or list item text
/// (lines joined by '\n'), the fence content, or the comment body; <see cref="Line"/> is 1-based in the file.
/// </summary>
public sealed record Block(BlockKind Kind, int Line, string Text, int Level = 0, string Info = "")
{
    public IReadOnlyList<string> Lines => Text.Split('\n');
}
