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
    /// Loads the views into the current session unless that was tried before. Best effort: a session that cannot load
    /// format data (its host set DisableFormatUpdates, say) goes on without the views, and a Debug line says why.
    /// </summary>
    public static void EnsureLoaded(Cmdlet cmdlet)
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace is null)
        {
            return;
        }

        // One attempt per session, also when it fails, so no command pays for it twice.
        lock (s_attempted)
        {
            if (s_attempted.TryGetValue(runspace, out _))
            {
                return;
            }

            s_attempted.Add(runspace, FileName);
        }

        var problem = runspace.InitialSessionState?.DisableFormatUpdates == true
            ? "the session's host disabled format updates (InitialSessionState.DisableFormatUpdates)."
            : TryLoad();
        if (problem is not null)
        {
            cmdlet.WriteDebug($"SecretsPS could not load its views into this session, so its output is shown without them: {problem}");
        }
    }

    /// <summary>
    /// A SecretValue as written to the pipeline: with a default display property set, so that wherever the view is
    /// not loaded (a session that could not load it, another runspace of the process such as a thread job's receiver)
    /// the default output still lists no value or bytes. Where the view is loaded it wins. It does not survive
    /// serialization: a value received from a process job or a remote session relies on the view.
    /// </summary>
    public static PSObject WithSafeDefaultDisplay(SecretValue value)
    {
        var output = new PSObject(value);
        output.Members.Add(new PSMemberSet(
            "PSStandardMembers",
            new PSMemberInfo[] { new PSPropertySet("DefaultDisplayPropertySet", s_secretValueDisplayProperties) }));
        return output;
    }

    /// <summary>Null when loaded, else what went wrong.</summary>
    private static string? TryLoad()
    {
        try
        {
            string moduleDirectory = Path.GetDirectoryName(typeof(FormatData).Assembly.Location) ?? string.Empty;
            if (moduleDirectory.Length == 0)
            {
                return "SecretsPS.dll was not loaded from a file, so its format file cannot be found.";
            }

            using var powerShell = PowerShell.Create(RunspaceMode.CurrentRunspace);
            // -WhatIf/-Confirm off so a session's $WhatIfPreference or $ConfirmPreference cannot turn loading the views
            // into a prompt or a "What if:" line; -ErrorAction Ignore keeps a problem here (another module's format
            // file gone from disk, which Update-FormatData reloads too) out of the user's $Error.
            powerShell.AddCommand(UpdateFormatDataCmdlet())
                .AddParameter("AppendPath", Path.Combine(moduleDirectory, FileName))
                .AddParameter("WhatIf", false)
                .AddParameter("Confirm", false)
                .AddParameter("ErrorAction", ActionPreference.Ignore);
            powerShell.Invoke();
            return powerShell.HadErrors ? "Update-FormatData failed (run Update-FormatData to see why)." : null;
        }
        catch (PipelineStoppedException)
        {
            throw;
        }
        catch (Exception e) when (e is RuntimeException or InvalidOperationException or ArgumentException or IOException or TypeLoadException or BadImageFormatException)
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
