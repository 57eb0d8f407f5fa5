using GongGrid.Grains.Interfaces;
using V1 = GongGrid.Api.V1;

namespace GongGrid.Api.Mapping;

/// <summary>Domain enums to their proto twins and back; the proto's UNSPECIFIED zero never maps to a domain value.</summary>
public static class ProtoEnums
{
    public static V1.OutcomeKind ToProto(this NightOutcomeKind kind) => kind switch
    {
        NightOutcomeKind.Pending => V1.OutcomeKind.Pending,
        NightOutcomeKind.OnTime => V1.OutcomeKind.OnTime,
        NightOutcomeKind.Early => V1.OutcomeKind.Early,
        NightOutcomeKind.Late => V1.OutcomeKind.Late,
        NightOutcomeKind.Incomplete => V1.OutcomeKind.Incomplete,
        NightOutcomeKind.Missed => V1.OutcomeKind.Missed,
        _ => V1.OutcomeKind.SpeakerPlayback,
    };

    public static V1.AlarmKind ToProto(this AlarmKind kind) => kind switch
    {
        AlarmKind.Fire => V1.AlarmKind.Fire,
        AlarmKind.Flood => V1.AlarmKind.Flood,
        AlarmKind.Crime => V1.AlarmKind.Crime,
        AlarmKind.Violence => V1.AlarmKind.Violence,
        AlarmKind.Disaster => V1.AlarmKind.Disaster,
        AlarmKind.Other => V1.AlarmKind.Other,
        _ => V1.AlarmKind.Unspecified,
    };

    /// <summary>An alarm button must name its kind; unspecified or unknown numbers are refused.</summary>
    public static AlarmKind? ToDomain(this V1.AlarmKind kind) => kind switch
    {
        V1.AlarmKind.Fire => AlarmKind.Fire,
        V1.AlarmKind.Flood => AlarmKind.Flood,
        V1.AlarmKind.Crime => AlarmKind.Crime,
        V1.AlarmKind.Violence => AlarmKind.Violence,
        V1.AlarmKind.Disaster => AlarmKind.Disaster,
        V1.AlarmKind.Other => AlarmKind.Other,
        _ => null,
    };

    public static V1.AlarmSource ToProto(this AlarmSource source) =>
        source == AlarmSource.Button ? V1.AlarmSource.Button : V1.AlarmSource.GongPattern;

    public static V1.AlarmStatus ToProto(this AlarmStatus status) => status switch
    {
        AlarmStatus.Raised => V1.AlarmStatus.Raised,
        AlarmStatus.Acknowledged => V1.AlarmStatus.Acknowledged,
        _ => V1.AlarmStatus.Resolved,
    };

    public static V1.DeviceKind ToProto(this DeviceKind kind) => kind switch
    {
        DeviceKind.Gong => V1.DeviceKind.Gong,
        DeviceKind.AlarmButton => V1.DeviceKind.AlarmButton,
        _ => V1.DeviceKind.Speaker,
    };

    public static DeviceKind? ToDomain(this V1.DeviceKind kind) => kind switch
    {
        V1.DeviceKind.Gong => DeviceKind.Gong,
        V1.DeviceKind.AlarmButton => DeviceKind.AlarmButton,
        V1.DeviceKind.Speaker => DeviceKind.Speaker,
        _ => null,
    };

    public static V1.DeviceCondition ToProto(this DeviceCondition condition) => condition switch
    {
        DeviceCondition.Ok => V1.DeviceCondition.Ok,
        DeviceCondition.Damaged => V1.DeviceCondition.Damaged,
        _ => V1.DeviceCondition.Lost,
    };

    public static DeviceCondition? ToDomain(this V1.DeviceCondition condition) => condition switch
    {
        V1.DeviceCondition.Ok => DeviceCondition.Ok,
        V1.DeviceCondition.Damaged => DeviceCondition.Damaged,
        V1.DeviceCondition.Lost => DeviceCondition.Lost,
        _ => null,
    };

    public static V1.PlaybackProgram ToProto(this PlaybackProgram program) =>
        program == PlaybackProgram.Peace ? V1.PlaybackProgram.Peace : V1.PlaybackProgram.Alarm;

    public static PlaybackProgram? ToDomain(this V1.PlaybackProgram program) => program switch
    {
        V1.PlaybackProgram.Peace => PlaybackProgram.Peace,
        V1.PlaybackProgram.Alarm => PlaybackProgram.Alarm,
        _ => null,
    };
}
