using System;
using System.Collections.Generic;

namespace SecretsPS.HelpCompiler.Model;

/// <summary>
/// One parameter YAML block. <see cref="ParameterSets"/> is already expanded: "(All)" became every set of the page.
/// <see cref="Position"/> is null for "Named".
/// </summary>
public sealed record ParameterMetadata
{
    public required string Type { get; init; }

    public required IReadOnlyList<string> ParameterSets { get; init; }

    public bool AllSets { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IReadOnlyList<string> AcceptedValues { get; init; } = [];

    public bool Required { get; init; }

    public int? Position { get; init; }

    public string DefaultValue { get; init; } = "None";

    public string PipelineInput { get; init; } = "False";

    public bool AcceptsWildcards { get; init; }

    public int Line { get; init; }

    public bool IsSwitch => string.Equals(Type, "SwitchParameter", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Type, "System.Management.Automation.SwitchParameter", StringComparison.OrdinalIgnoreCase);
}
