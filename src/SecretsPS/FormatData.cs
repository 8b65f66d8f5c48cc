using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace SecretsPS;

/// <summary>
/// The module's views (SecretsPS.Format.ps1xml) load into a session the first time one of its cmdlets runs there,
/// not at Import-Module: for any FormatsToProcess PowerShell rebuilds the session's whole format table, which costs
/// more than the rest of the import together (measured by bench/Measure-SecretsPS.ps1), and a session that imports
/// the module without calling it (profiles, autoloading for completion) should not pay that.
/// </summary>
internal static class FormatData
{
    internal const string FileName = "SecretsPS.Format.ps1xml";

    /// <summary>What SecretValue shows where its view is missing: everything but the value.</summary>
    private static readonly string[] s_secretValueDisplayProperties = { "Name", "VersionId", "VersionStages", "CreatedDate" };

    // Per session (format data belongs to a runspace); an entry means an attempt was made there, loaded or not.
    private static readonly ConditionalWeakTable<Runspace, object> s_attempted = new();

    /// <summary>
    /// Loads the views into the current session unless that was tried before. Best effort: a session that cannot run
    /// Update-FormatData (a constrained endpoint, a host without it) goes on without the views.
    /// </summary>
    public static void EnsureLoaded(Cmdlet cmdlet)
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace is null || s_attempted.TryGetValue(runspace, out _))
        {
            return;
        }

        // Recorded before trying: a session that cannot load the views does not retry on every call.
        s_attempted.Add(runspace, FileName);
        var problem = TryLoad(Path.Combine(ModuleDirectory, FileName));
        if (problem is not null)
        {
            cmdlet.WriteDebug($"SecretsPS could not load its views into this session, so its output is shown without them: {problem}");
        }
    }

    /// <summary>
    /// A SecretValue as written to the pipeline: with a default display property set, so that wherever the view is
    /// not loaded (a session that could not load it, a thread job's parent, a job's receiver) the default output still
    /// lists no value or bytes. Where the view is loaded it wins and this is not used.
    /// </summary>
    public static PSObject WithSafeDefaultDisplay(SecretValue value)
    {
        var output = new PSObject(value);
        output.Members.Add(new PSMemberSet(
            "PSStandardMembers",
            new PSMemberInfo[] { new PSPropertySet("DefaultDisplayPropertySet", s_secretValueDisplayProperties) }));
        return output;
    }

    private static string ModuleDirectory =>
        Path.GetDirectoryName(typeof(FormatData).Assembly.Location)
        ?? throw new InvalidOperationException("SecretsPS.dll was not loaded from a file; cannot locate its format file.");

    /// <summary>Null when loaded, else what went wrong.</summary>
    private static string? TryLoad(string path)
    {
        try
        {
            using var powerShell = PowerShell.Create(RunspaceMode.CurrentRunspace);
            // -WhatIf/-Confirm off so a session's $WhatIfPreference or $ConfirmPreference cannot turn loading the views
            // into a prompt or a "What if:" line.
            powerShell.AddCommand(UpdateFormatDataCmdlet())
                .AddParameter("AppendPath", path)
                .AddParameter("WhatIf", false)
                .AddParameter("Confirm", false);
            powerShell.Invoke();
            if (!powerShell.HadErrors)
            {
                return null;
            }

            return powerShell.Streams.Error.Count > 0 ? powerShell.Streams.Error[0].ToString() : "Update-FormatData failed.";
        }
        catch (Exception e) when (e is RuntimeException or InvalidOperationException or IOException or TypeLoadException or BadImageFormatException)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// The Update-FormatData cmdlet itself rather than its name: a lookup by name imports the Microsoft.PowerShell.Utility
    /// module first when nothing has yet (40–70 ms in a fresh pwsh, more than the views cost), could run a user's
    /// function of that name instead, and may find nothing in a constrained session. Its assembly ships with
    /// PowerShell, at the version of System.Management.Automation.
    /// </summary>
    private static CmdletInfo UpdateFormatDataCmdlet()
    {
        var utility = typeof(PSObject).Assembly.GetName();
        utility.Name = "Microsoft.PowerShell.Commands.Utility";
        var type = Assembly.Load(utility).GetType("Microsoft.PowerShell.Commands.UpdateFormatDataCommand", throwOnError: true)!;
        return new CmdletInfo("Update-FormatData", type);
    }
}
