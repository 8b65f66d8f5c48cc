namespace SecretsPS.HelpCompiler.Model;

/// <summary>A related link; <see cref="Uri"/> is empty for relative targets such as "Get-SecretValue.md".</summary>
public sealed record LinkHelp(string Text, string Uri);
