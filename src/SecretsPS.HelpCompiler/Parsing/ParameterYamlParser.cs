using System;
using System.Collections.Generic;
using System.Globalization;
using SecretsPS.HelpCompiler.Markdown;
using SecretsPS.HelpCompiler.Model;

namespace SecretsPS.HelpCompiler.Parsing;

/// <summary>Reads one parameter YAML block with exactly the keys platyPS 0.14 knows; anything else is an error.</summary>
public static class ParameterYamlParser
{
    public const string AllSets = "(All)";

    private const string TypeKey = "Type";
    private const string SetsKey = "Parameter Sets";
    private const string AliasesKey = "Aliases";
    private const string AcceptedValuesKey = "Accepted values";
    private const string ApplicableKey = "Applicable";
    private const string RequiredKey = "Required";
    private const string PositionKey = "Position";
    private const string DefaultValueKey = "Default value";
    private const string PipelineKey = "Accept pipeline input";
    private const string WildcardKey = "Accept wildcard characters";

    private static readonly string[] s_knownKeys =
    [
        TypeKey, SetsKey, AliasesKey, AcceptedValuesKey, ApplicableKey, RequiredKey, PositionKey, DefaultValueKey,
        PipelineKey, WildcardKey,
    ];

    private static readonly string[] s_mandatoryKeys =
    [
        TypeKey, SetsKey, AliasesKey, RequiredKey, PositionKey, DefaultValueKey, PipelineKey, WildcardKey,
    ];

    /// <summary>The exact wordings platyPS writes (getPipelineValue).</summary>
    public static readonly IReadOnlyList<string> PipelineValues =
    [
        "False", "True (ByValue)", "True (ByPropertyName)", "True (ByPropertyName, ByValue)",
    ];

    public static ParameterMetadata Parse(string path, string parameterName, Block yaml, IReadOnlyList<string> pageSets)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(pageSets);
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        var lines = yaml.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var lineNumber = yaml.Line + 1 + i;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new HelpCompilationException(path, lineNumber, $"-{parameterName}: yaml line is not 'Key: value': '{line.Trim()}'");
            }

            var key = line[..colon].Trim();
            if (Array.IndexOf(s_knownKeys, key) < 0)
            {
                throw new HelpCompilationException(path, lineNumber,
                    $"-{parameterName}: unknown yaml key '{key}'; known keys: {string.Join(", ", s_knownKeys)}");
            }

            if (!values.TryAdd(key, (line[(colon + 1)..].Trim(), lineNumber)))
            {
                throw new HelpCompilationException(path, lineNumber, $"-{parameterName}: yaml key '{key}' appears twice");
            }
        }

        foreach (var key in s_mandatoryKeys)
        {
            if (!values.ContainsKey(key))
            {
                throw new HelpCompilationException(path, yaml.Line, $"-{parameterName}: yaml block lacks '{key}'");
            }
        }

        var type = values[TypeKey];
        if (type.Value.Length == 0)
        {
            throw new HelpCompilationException(path, type.Line, $"-{parameterName}: 'Type' is empty");
        }

        var (sets, allSets) = ExpandSets(path, parameterName, values[SetsKey], pageSets);
        return new ParameterMetadata
        {
            Type = type.Value,
            ParameterSets = sets,
            AllSets = allSets,
            Aliases = SplitList(values[AliasesKey].Value),
            AcceptedValues = values.TryGetValue(AcceptedValuesKey, out var accepted) ? SplitList(accepted.Value) : [],
            Required = ParseBool(path, parameterName, RequiredKey, values[RequiredKey]),
            Position = ParsePosition(path, parameterName, values[PositionKey]),
            DefaultValue = values[DefaultValueKey].Value.Length == 0 ? "None" : values[DefaultValueKey].Value,
            PipelineInput = ParsePipeline(path, parameterName, values[PipelineKey]),
            AcceptsWildcards = ParseBool(path, parameterName, WildcardKey, values[WildcardKey]),
            Line = yaml.Line,
        };
    }

    private static (IReadOnlyList<string> Sets, bool AllSets) ExpandSets(
        string path, string parameterName, (string Value, int Line) entry, IReadOnlyList<string> pageSets)
    {
        if (entry.Value == AllSets)
        {
            return (pageSets, true);
        }

        var sets = SplitList(entry.Value);
        if (sets.Count == 0)
        {
            throw new HelpCompilationException(path, entry.Line, $"-{parameterName}: 'Parameter Sets' is empty; use (All) or set names");
        }

        foreach (var set in sets)
        {
            var known = false;
            foreach (var pageSet in pageSets)
            {
                known |= pageSet == set;
            }

            if (!known)
            {
                throw new HelpCompilationException(path, entry.Line,
                    $"-{parameterName}: parameter set '{set}' is not a ### heading under SYNTAX (sets: {string.Join(", ", pageSets)})");
            }
        }

        return (sets, false);
    }

    private static List<string> SplitList(string value)
    {
        var result = new List<string>();
        foreach (var part in value.Split(','))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                result.Add(trimmed);
            }
        }

        return result;
    }

    private static bool ParseBool(string path, string parameterName, string key, (string Value, int Line) entry)
    {
        return entry.Value switch
        {
            "True" or "true" => true,
            "False" or "false" => false,
            _ => throw new HelpCompilationException(path, entry.Line, $"-{parameterName}: '{key}' must be True or False, not '{entry.Value}'"),
        };
    }

    private static int? ParsePosition(string path, string parameterName, (string Value, int Line) entry)
    {
        if (string.Equals(entry.Value, "Named", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (int.TryParse(entry.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return position;
        }

        throw new HelpCompilationException(path, entry.Line, $"-{parameterName}: 'Position' must be Named or a 0-based number, not '{entry.Value}'");
    }

    private static string ParsePipeline(string path, string parameterName, (string Value, int Line) entry)
    {
        foreach (var allowed in PipelineValues)
        {
            if (entry.Value == allowed)
            {
                return allowed;
            }
        }

        throw new HelpCompilationException(path, entry.Line,
            $"-{parameterName}: 'Accept pipeline input' must be one of {string.Join(" | ", PipelineValues)}, not '{entry.Value}'");
    }
}
