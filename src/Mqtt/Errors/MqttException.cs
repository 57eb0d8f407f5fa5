namespace GongGrid.Mqtt;

/// <summary>Base of every error this client raises about the MQTT link.</summary>
public class MqttException : Exception
{
    public MqttException(string message)
        : base(message)
    {
    }

    public MqttException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
