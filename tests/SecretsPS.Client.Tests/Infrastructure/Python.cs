using System;
using System.Diagnostics;
using System.IO;

namespace SecretsPS.Client.Tests.Infrastructure;

/// <summary>Runs python3 snippets (botocore, boto3) for cross-checks; reports absence instead of failing.</summary>
public static class Python
{
    private static readonly Lazy<string?> s_botocoreDir = new(() =>
    {
        var result = Run("import botocore, os; print(os.path.dirname(botocore.__file__))", TimeSpan.FromSeconds(30));
        return result is { ExitCode: 0 } && Directory.Exists(result.Value.Stdout.Trim()) ? result.Value.Stdout.Trim() : null;
    });

    /// <summary>botocore's package directory, or null when python3 or botocore is missing.</summary>
    public static string? BotocoreDirectory => s_botocoreDir.Value;

    public static (int ExitCode, string Stdout, string Stderr)? Run(string script, TimeSpan timeout, string? stdin = null)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(stdin ?? string.Empty);
            process.StandardInput.Close();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"python3 did not finish within {timeout}: {script}");
            }

            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
