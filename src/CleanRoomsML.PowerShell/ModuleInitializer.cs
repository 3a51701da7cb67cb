using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CleanRoomsML.PowerShell;

/// <summary>
/// Runs when the module is imported. The module's own dependencies (the client, AWSSDK.Core and what it
/// pulls in) live in the module's <c>dependencies</c> folder, where the default resolver does not look. On
/// PowerShell 7 their net8.0 builds load into a private AssemblyLoadContext, so another module's AWSSDK.Core,
/// older or newer, can be loaded in the same session; on Windows PowerShell the netstandard2.0 builds in
/// <c>dependencies/netstandard2.0</c> are resolved with a plain handler.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    internal static readonly string DependencyFolder =
        Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "dependencies");

    private static bool IsNetFramework =>
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    public void OnImport()
    {
        if (IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve += ResolveFromDependencyFolder;
        else UseLoadContext();
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromDependencyFolder;
        else StopUsingLoadContext();
    }

    // Kept out of OnImport/OnRemove so that compiling those on .NET Framework never loads the
    // AssemblyLoadContext type, which does not exist there.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UseLoadContext() => DependencyLoadContext.Register(DependencyFolder);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StopUsingLoadContext() => DependencyLoadContext.Unregister();

    // Windows PowerShell: no load contexts, so a plain probe of the netstandard2.0 set. Not isolated there.
    private static Assembly? ResolveFromDependencyFolder(object? sender, ResolveEventArgs args)
    {
        string path = Path.Combine(DependencyFolder, "netstandard2.0", new AssemblyName(args.Name).Name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
