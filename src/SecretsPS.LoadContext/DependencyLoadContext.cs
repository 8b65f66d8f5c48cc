using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace SecretsPS.LoadContext;

/// <summary>
/// Loads from Dependencies/ what the default context cannot supply: SecretsPS.Client, every AWSSDK.* assembly
/// (always private, whatever else is loaded) and package DLLs the runtime lacks or has only in an older version.
/// Everything else (the shared framework, PowerShell's own assemblies) falls through to the default context, so
/// e.g. the netstandard2.0 System.Text.Json in Dependencies/ never shadows the framework's newer one.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _directory;
    private readonly Lazy<Dictionary<string, string>> _platformAssemblies = new(ReadPlatformAssemblies);

    public DependencyLoadContext(string directory)
        : base("SecretsPS", isCollectible: false)
    {
        _directory = directory;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string? simpleName = assemblyName.Name;
        if (string.IsNullOrEmpty(simpleName))
        {
            return null;
        }

        string candidate = Path.Combine(_directory, simpleName + ".dll");
        if (!File.Exists(candidate))
        {
            return null;
        }

        if (!IsAlwaysPrivate(simpleName) && DefaultCanSupply(simpleName, assemblyName.Version))
        {
            return null;
        }

        return LoadFromAssemblyPath(candidate);
    }

    private static bool IsAlwaysPrivate(string simpleName)
    {
        return simpleName.StartsWith("AWSSDK.", StringComparison.OrdinalIgnoreCase)
            || string.Equals(simpleName, DependencyIsolation.ClientAssemblyName, StringComparison.OrdinalIgnoreCase);
    }

    private bool DefaultCanSupply(string simpleName, Version? requested)
    {
        if (!_platformAssemblies.Value.TryGetValue(simpleName, out string? platformPath))
        {
            return false;
        }

        if (requested is null)
        {
            return true;
        }

        try
        {
            Version? available = AssemblyName.GetAssemblyName(platformPath).Version;
            return available is not null && available >= requested;
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // The trusted platform assemblies are exactly what the default context resolves by itself: the shared
    // framework plus the host application's (pwsh's) own assemblies.
    private static Dictionary<string, string> ReadPlatformAssemblies()
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
        {
            foreach (string path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                result.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        return result;
    }
}
