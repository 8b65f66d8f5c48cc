using System;
using System.Text.RegularExpressions;

namespace SecretsPS.HelpCompiler.Markdown;

/// <summary>Turns markdown paragraph text into the plain text that MAML and about topics carry.</summary>
public static partial class InlineText
{
    [GeneratedRegex(@"(?<!\\)\[(?<text>[^\]]*)\]\((?<url>[^)\s]*)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\\(?<char>[\\`*_{}\[\]()#+\-.!<>|])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"(?<!\\)(\*\*|__)(?<text>.+?)(?<!\\)\1")]
    private static partial Regex Strong();

    [GeneratedRegex(@"^ {0,3}(?:[-*+]|(?<number>\d{1,9})[.)])[ \t]+")]
    private static partial Regex ListMarker();

    /// <summary>
    /// Joins soft line breaks with spaces, drops bold markers, renders links as their text (absolute targets
    /// keep the address in parentheses) and removes platyPS's backslash escapes. Backticks stay: they mark code.
    /// </summary>
    public static string ToPlain(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].Trim();
        }

        var text = string.Join(' ', lines);
        text = Strong().Replace(text, m => m.Groups["text"].Value);
        text = Link().Replace(text, m =>
        {
            var url = m.Groups["url"].Value;
            var label = m.Groups["text"].Value;
            return IsAbsoluteUrl(url) && label != url ? $"{label} ({url})" : label;
        });
        return Escape().Replace(text, m => m.Groups["char"].Value);
    }

    /// <summary>A list item as plain text: "- " (or "N. " for numbered items) followed by the item text.</summary>
    public static string ListItemToPlain(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var marker = ListMarker().Match(markdown);
        if (!marker.Success)
        {
            return ToPlain(markdown);
        }

        var number = marker.Groups["number"];
        var prefix = number.Success ? number.Value + ". " : "- ";
        return prefix + ToPlain(markdown[marker.Length..]);
    }

    public static bool IsAbsoluteUrl(string url)
    {
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}
