using System.Collections.Generic;

namespace SecretsPS.HelpCompiler.Model;

/// <summary>An EXAMPLES entry.</summary>
public sealed record ExampleHelp
{
    public required string Title { get; init; }

    public IReadOnlyList<string> Introduction { get; init; } = [];

    public required IReadOnlyList<string> Code { get; init; }

    public IReadOnlyList<string> Remarks { get; init; } = [];

    public int Line { get; init; }
}
