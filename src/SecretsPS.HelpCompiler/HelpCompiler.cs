using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using SecretsPS.HelpCompiler.Markdown;
using SecretsPS.HelpCompiler.Model;
using SecretsPS.HelpCompiler.Parsing;
using SecretsPS.HelpCompiler.Writing;

namespace SecretsPS.HelpCompiler;

/// <summary>
/// Compiles a locale folder: command pages into MAML files grouped by 'external help file', about topics into
/// about_*.help.txt; module pages (front matter 'Module Guid') are skipped. Every file is parsed before anything is
/// written, so a broken page never leaves half-updated help behind.
/// </summary>
public static class HelpCompiler
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static CompileResult Compile(string docsDirectory, string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(docsDirectory);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        if (!Directory.Exists(docsDirectory))
        {
            throw new HelpCompilationException($"docs folder '{docsDirectory}' does not exist");
        }

        var files = Directory.GetFiles(docsDirectory, "*.md");
        Array.Sort(files, StringComparer.Ordinal);
        var helpFiles = new SortedDictionary<string, List<CommandHelp>>(StringComparer.OrdinalIgnoreCase);
        var abouts = new List<(string Name, string Text)>();
        var skipped = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in files)
        {
            var markdown = BlockReader.Read(path, File.ReadAllText(path, Encoding.UTF8));
            if (Path.GetFileName(path).StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            {
                abouts.Add((AboutTopicWriter.TopicName(markdown), AboutTopicWriter.Convert(markdown)));
                continue;
            }

            if (markdown.HasFrontMatter("Module Guid"))
            {
                skipped.Add(path);
                continue;
            }

            var command = CommandPageParser.Parse(markdown);
            var expected = Path.GetFileNameWithoutExtension(path);
            if (!string.Equals(command.Name, expected, StringComparison.Ordinal))
            {
                throw new HelpCompilationException(path, 1, $"page documents '{command.Name}' but is named '{expected}.md'");
            }

            if (!names.Add(command.Name))
            {
                throw new HelpCompilationException(path, 1, $"'{command.Name}' is documented twice");
            }

            if (!helpFiles.TryGetValue(command.ExternalHelpFile, out var group))
            {
                group = [];
                helpFiles.Add(command.ExternalHelpFile, group);
            }

            group.Add(command);
        }

        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var (fileName, commands) in helpFiles)
        {
            var target = Path.Combine(outputDirectory, fileName);
            using (var stream = File.Create(target))
            {
                MamlWriter.Write(stream, commands);
            }

            written.Add(target);
        }

        foreach (var (name, text) in abouts)
        {
            var target = Path.Combine(outputDirectory, name + ".help.txt");
            File.WriteAllText(target, text, s_utf8);
            written.Add(target);
        }

        var commandCount = 0;
        foreach (var group in helpFiles.Values)
        {
            commandCount += group.Count;
        }

        return new CompileResult(written, skipped, commandCount, abouts.Count);
    }
}
