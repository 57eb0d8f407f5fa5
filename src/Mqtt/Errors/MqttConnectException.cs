namespace GongGrid.Mqtt;

/// <summary>The broker answered CONNECT with a refusal; <see cref="ReturnCode"/> says which.</summary>
public sealed class MqttConnectException(MqttConnectReturnCode returnCode)
    : MqttException($"The broker refused the connection: {Describe(returnCode)} (CONNACK return code {(byte)returnCode}).")
{
    public MqttConnectReturnCode ReturnCode { get; } = returnCode;

    internal static string Describe(MqttConnectReturnCode code) => code switch
    {
        MqttConnectReturnCode.UnacceptableProtocolVersion => "it does not speak MQTT 3.1.1",
        MqttConnectReturnCode.IdentifierRejected => "the client id was rejected",
        MqttConnectReturnCode.ServerUnavailable => "the MQTT service is unavailable",
        MqttConnectReturnCode.BadUsernameOrPassword => "bad user name or password",
        MqttConnectReturnCode.NotAuthorized => "this client is not authorized to connect",
        _ => "unknown reason",
    };
}
