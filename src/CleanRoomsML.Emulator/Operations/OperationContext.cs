using CleanRoomsML.Emulator.Control;
using CleanRoomsML.Emulator.State;

namespace CleanRoomsML.Emulator.Operations;

/// <summary>What every operation works with: the store, the live settings and the start options.</summary>
public sealed class OperationContext
{
    public OperationContext(ResourceStore store, FaultInjector faults, EmulatorOptions options)
    {
        Store = store;
        Faults = faults;
        Options = options;
    }

    public ResourceStore Store { get; }

    public FaultInjector Faults { get; }

    public EmulatorOptions Options { get; }

    /// <summary>Times are kept to the millisecond, as the service returns them.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
