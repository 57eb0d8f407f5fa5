using System.Collections.Concurrent;
using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Villages;

/// <summary>
/// One instance of each distinct <see cref="SignalSettings"/> in the silo. Every village of a commune reads equal
/// settings from storage; sharing one object instead of a copy each keeps an idle village activation small.
/// </summary>
internal static class SharedSettings
{
    private static readonly ConcurrentDictionary<SignalSettings, SignalSettings> Instances = new();

    public static SignalSettings Intern(SignalSettings settings) => Instances.GetOrAdd(settings, settings);
}
