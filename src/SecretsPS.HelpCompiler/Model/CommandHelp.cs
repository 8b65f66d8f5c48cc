using System.Collections.Generic;

namespace SecretsPS.HelpCompiler.Model;

/// <summary>Everything one schema 2.0.0 command page says, ready for the MAML writer.</summary>
public sealed record CommandHelp
{
    public required string SourcePath { get; init; }

    public required string Name { get; init; }

    public required string ExternalHelpFile { get; init; }

    public string? ModuleName { get; init; }

    public string? OnlineVersion { get; init; }

    public required string Synopsis { get; init; }

    public IReadOnlyList<string> Description { get; init; } = [];

    /// <summary>Parameter set names in SYNTAX order; a page without set headings has the single set "(All)".</summary>
    public required IReadOnlyList<string> ParameterSets { get; init; }

    public required string DefaultParameterSet { get; init; }

    public IReadOnlyList<ParameterHelp> Parameters { get; init; } = [];

    public bool SupportsCommonParameters { get; init; }

    public IReadOnlyList<ExampleHelp> Examples { get; init; } = [];

    public IReadOnlyList<TypeHelp> Inputs { get; init; } = [];

    public IReadOnlyList<TypeHelp> Outputs { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyList<LinkHelp> RelatedLinks { get; init; } = [];
}
