using System;

namespace SecretsPS.HelpCompiler;

/// <summary>A problem in a help source file; the message names the file and line so the author can fix it.</summary>
public sealed class HelpCompilationException : Exception
{
    public HelpCompilationException()
    {
    }

    public HelpCompilationException(string message)
        : base(message)
    {
    }

    public HelpCompilationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HelpCompilationException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public string? File { get; }

    public int Line { get; }

    public string? Problem { get; }
}
