using GongGrid.Runtime.Activation;
using GongGrid.Runtime.Timers;

namespace GongGrid.Runtime;

/// <summary>
/// Base class of every grain. The runtime creates one activation per grain id, runs one turn at a time on it
/// (a turn lasts until the method's task completes, awaits included), and collects it when idle.
/// </summary>
public abstract class Grain
{
    private GrainActivation? _activation;

    /// <summary>References to other grains; calls through them take the same path as calls from outside.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime.GrainFactory;

    /// <summary>The grain's identity.</summary>
    protected GrainId GrainId => Activation.GrainId;

    private GrainActivation Activation =>
        _activation ?? throw new InvalidOperationException("The grain is not activated yet; do not use runtime services from its constructor.");

    /// <summary>The key this grain was addressed with.</summary>
    protected string GetPrimaryKeyString() => Activation.GrainId.Key;

    /// <summary>Runs after persistent state is read and before the first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before the activation is collected; unsaved state is written by the runtime afterwards.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A timer that lives only while this activation does; its ticks are turns like calls.</summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        Activation.RegisterTimer(callback, options);

    /// <summary>A durable reminder: stored, it fires after a silo restart and activates this grain.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);

    /// <summary>The registered reminder of that name, or null.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) =>
        Activation.Runtime.Reminders.GetAsync(GrainId, reminderName);

    /// <summary>Removes a durable reminder.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) =>
        Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder.ReminderName);

    /// <summary>Asks the runtime to collect this activation once the current turn ends.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation(DeactivationReason.Requested);

    internal void Attach(GrainActivation activation) => _activation = activation;
}
