using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace SecretsPS.LoadContext;

/// <summary>
/// Entry point called (by reflection, it being the only net8.0 assembly) from SecretsPS.dll's module initializer:
/// makes SecretsPS.Client, and through it the AWS SDK, resolve into a private load context so another module's
/// AWSSDK.Core in the default context neither breaks SecretsPS nor is broken by it.
/// </summary>
public static class DependencyIsolation
{
    /// <summary>The one assembly the cmdlet assembly (in the default context) references from Dependencies/.</summary>
    public const string ClientAssemblyName = "SecretsPS.Client";

    private static readonly object s_gate = new();
    private static DependencyLoadContext? s_context;
    private static bool s_hooked;

    /// <summary>
    /// Hooks the default context's Resolving event for SecretsPS.Client. Idempotent: a second call (a re-import of
    /// the module) reuses the context created by the first, since a non-collectible context cannot be replaced.
    /// </summary>
    public static void Register(string dependencyDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dependencyDirectory);
        string fullPath = Path.GetFullPath(dependencyDirectory);
        lock (s_gate)
        {
            s_context ??= new DependencyLoadContext(fullPath);
            if (!s_hooked)
            {
                AssemblyLoadContext.Default.Resolving += OnDefaultResolving;
                s_hooked = true;
            }
        }
    }

    /// <summary>
    /// Removes the Resolving hook (module removal). Assemblies already loaded stay loaded: types handed out to the
    /// session may still be in use, and the context is not collectible.
    /// </summary>
    public static void Unregister()
    {
        lock (s_gate)
        {
            if (s_hooked)
            {
                AssemblyLoadContext.Default.Resolving -= OnDefaultResolving;
                s_hooked = false;
            }
        }
    }

    private static Assembly? OnDefaultResolving(AssemblyLoadContext context, AssemblyName name)
    {
        if (!string.Equals(name.Name, ClientAssemblyName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return s_context?.LoadFromAssemblyName(name);
    }
}
