using System.Collections.Generic;

namespace SecretsPS.HelpCompiler.Model;

/// <summary>A <c>### -Name</c> entry: its description and one metadata record per YAML block.</summary>
public sealed record ParameterHelp
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Description { get; init; } = [];

    /// <summary>At least one; the first feeds the MAML PARAMETERS section, all feed the syntax items.</summary>
    public required IReadOnlyList<ParameterMetadata> Metadata { get; init; }

    /// <summary>The metadata that applies in <paramref name="setName"/>, or null when the parameter is not in it.</summary>
    public ParameterMetadata? For(string setName)
    {
        foreach (var metadata in Metadata)
        {
            foreach (var set in metadata.ParameterSets)
            {
                if (set == setName)
                {
                    return metadata;
                }
            }
        }

        return null;
    }
}
