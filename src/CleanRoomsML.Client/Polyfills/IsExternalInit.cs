// The marker type of init-only setters, defined here for every target framework on purpose: the cmdlet
// assembly is compiled against the netstandard2.0 build of this assembly but runs with its net8.0 build on
// pwsh 7, and an init setter's signature names this type. Were net8.0 to use the runtime's own copy, every
// init setter would be a different method there (MissingMethodException).
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
