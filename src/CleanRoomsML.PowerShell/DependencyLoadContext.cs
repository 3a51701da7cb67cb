using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace CleanRoomsML.PowerShell;

/// <summary>
/// The private load context of the module's dependencies (PowerShell 7 only; never touched on .NET Framework).
/// The default context is sent here only for the client assembly, the entry point; everything the client
/// references then resolves in this context: from the dependency folder, unless the platform (the runtime
/// or pwsh itself) already provides the assembly, in which case the platform's copy is shared.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private const string EntryAssembly = "CleanRoomsML.Client";

    private static DependencyLoadContext? s_instance;

    private readonly string _folder;
    private readonly HashSet<string> _platformAssemblies;

    private DependencyLoadContext(string folder)
    {
        _folder = folder;
        _platformAssemblies = PlatformAssemblyNames();
    }

    public static void Register(string folder)
    {
        s_instance ??= new DependencyLoadContext(folder);
        Default.Resolving += ResolveEntryAssembly;
    }

    public static void Unregister() => Default.Resolving -= ResolveEntryAssembly;

    private static Assembly? ResolveEntryAssembly(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == EntryAssembly ? s_instance!.LoadFromAssemblyName(name) : null;

    protected override Assembly? Load(AssemblyName name)
    {
        if (name.Name is null || _platformAssemblies.Contains(name.Name)) return null;
        string path = Path.Combine(_folder, name.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    // The runtime's and pwsh's own assemblies: shared with the default context rather than duplicated.
    private static HashSet<string> PlatformAssemblyNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
        {
            foreach (string path in list.Split(Path.PathSeparator)) names.Add(Path.GetFileNameWithoutExtension(path));
        }
        return names;
    }
}
