using System.Text.Json;
using GongGrid.Runtime.Activation;
using GongGrid.Runtime.Placement;
using GongGrid.Runtime.Reminders;
using Microsoft.Extensions.Logging;

namespace GongGrid.Runtime.Hosting;

/// <summary>The parts of one silo's grain runtime that activations, references and reminders share.</summary>
internal sealed class GrainRuntime
{
    private readonly CancellationTokenSource _stopping = new();

    public GrainRuntime(IServiceProvider services, SiloOptions options, TimeProvider timeProvider, ILogger logger,
        GrainTypeRegistry registry, GrainPlacement placement, IReminderTable reminderTable, JsonSerializerOptions json)
    {
        Services = services;
        Options = options;
        TimeProvider = timeProvider;
        Logger = logger;
        Registry = registry;
        Placement = placement;
        Json = json;
        Directory = new ActivationDirectory(this);
        Reminders = new ReminderService(this, reminderTable);
        GrainFactory = new GrainFactory(this);
    }

    public IServiceProvider Services { get; }

    public SiloOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public GrainTypeRegistry Registry { get; }

    public GrainPlacement Placement { get; }

    public JsonSerializerOptions Json { get; }

    public ActivationDirectory Directory { get; }

    public ReminderService Reminders { get; }

    public IGrainFactory GrainFactory { get; }

    /// <summary>Cancelled when the silo stops; handed to OnActivateAsync.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public void SignalStopping() => _stopping.Cancel();

    public void LogTimerFailure(GrainId grainId, Exception error) =>
        Logger.LogError(error, "Timer callback of {GrainId} failed", grainId);
}
