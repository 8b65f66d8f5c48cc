using System.Collections.Generic;

namespace SecretsPS.HelpCompiler.Model;

/// <summary>An INPUTS or OUTPUTS entry.</summary>
public sealed record TypeHelp(string Name, IReadOnlyList<string> Description);
