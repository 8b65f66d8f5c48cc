using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace SecretsPS;

/// <summary>
/// Wires dependency loading when the module is imported. The cmdlet assembly stays in PowerShell's default
/// context and references SecretsPS.Client, which ships only in Dependencies/ (never beside this DLL), so every
/// load of it comes through here. Nothing here touches the client or the AWS SDK: they load on first use.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private const string DependencyFolderName = "Dependencies";
    private const string LoaderFileName = "SecretsPS.LoadContext.dll";
    private const string LoaderTypeName = "SecretsPS.LoadContext.DependencyIsolation";

    private static readonly object s_gate = new();
    private static Action? s_unregister;

    public void OnImport()
    {
        string moduleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)
            ?? throw new InvalidOperationException("SecretsPS.dll was not loaded from a file; cannot locate its Dependencies folder.");
        string dependencyDirectory = Path.Combine(moduleDirectory, DependencyFolderName);

        lock (s_gate)
        {
            if (s_unregister is not null)
            {
                return;
            }

            s_unregister = IsNetFramework()
                ? DesktopResolver.Register(dependencyDirectory)
                : RegisterLoadContext(moduleDirectory, dependencyDirectory);
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (s_gate)
        {
            s_unregister?.Invoke();
            s_unregister = null;
        }
    }

    // mscorlib is .NET Framework's core library name; .NET's is System.Private.CoreLib. This needs no API beyond
    // netstandard2.0, unlike RuntimeInformation, whose facade old .NET Framework builds may lack.
    private static bool IsNetFramework()
    {
        return string.Equals(typeof(object).Assembly.GetName().Name, "mscorlib", StringComparison.Ordinal);
    }

    // The loader targets net8.0 (AssemblyLoadContext is not in netstandard2.0), so this assembly cannot reference
    // it: one reflective call on our own loader, never on the SDK.
    private static Action RegisterLoadContext(string moduleDirectory, string dependencyDirectory)
    {
        if (Environment.Version.Major < 8)
        {
            throw new PlatformNotSupportedException(
                $"SecretsPS needs PowerShell 7.4 or later (.NET 8+) or Windows PowerShell 5.1; this is .NET {Environment.Version}.");
        }

        Assembly loader = Assembly.LoadFrom(Path.Combine(moduleDirectory, LoaderFileName));
        Type isolation = loader.GetType(LoaderTypeName, throwOnError: true)!;
        var register = (Action<string>)Delegate.CreateDelegate(typeof(Action<string>), isolation, "Register");
        var unregister = (Action)Delegate.CreateDelegate(typeof(Action), isolation, "Unregister");
        register(dependencyDirectory);
        return unregister;
    }

    /// <summary>
    /// Windows PowerShell 5.1 has no load contexts: resolve whatever the normal probe misses (SecretsPS.Client, the
    /// SDK and their package dependencies, whose reference versions differ from the shipped files and have no
    /// binding redirects) from Dependencies/, whatever version was asked for. No isolation from another AWSSDK.Core.
    /// </summary>
    private static class DesktopResolver
    {
        public static Action Register(string dependencyDirectory)
        {
            ResolveEventHandler handler = (sender, args) => Resolve(dependencyDirectory, args);
            AppDomain.CurrentDomain.AssemblyResolve += handler;
            return () => AppDomain.CurrentDomain.AssemblyResolve -= handler;
        }

        private static Assembly? Resolve(string dependencyDirectory, ResolveEventArgs args)
        {
            string? simpleName = new AssemblyName(args.Name).Name;
            if (string.IsNullOrEmpty(simpleName))
            {
                return null;
            }

            string candidate = Path.Combine(dependencyDirectory, simpleName + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }
    }
}
