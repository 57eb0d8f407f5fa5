using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GongGrid.Rpc;

/// <summary>
/// One method of a service, taken from the descriptor protoc generated from the .proto file, so that the path, the
/// message types and the streaming shape cannot drift from the published API.
/// </summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    private Method(MethodDescriptor descriptor)
    {
        Type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        FullName = $"/{descriptor.Service.FullName}/{descriptor.Name}";
        RequestParser = new MessageParser<TRequest>(() => new TRequest());
        ResponseParser = new MessageParser<TResponse>(() => new TResponse());
    }

    public MethodType Type { get; }

    /// <summary>The HTTP/2 path: <c>/package.Service/Method</c>.</summary>
    public string FullName { get; }

    public MessageParser<TRequest> RequestParser { get; }

    public MessageParser<TResponse> ResponseParser { get; }

    /// <summary>Finds <paramref name="name"/> on <paramref name="service"/> and checks its message types.</summary>
    /// <exception cref="InvalidOperationException">The method is missing or its types differ from the .proto.</exception>
    public static Method<TRequest, TResponse> From(ServiceDescriptor service, string name)
    {
        var descriptor = service.FindMethodByName(name)
            ?? throw new InvalidOperationException($"{service.FullName} has no method {name}.");
        if (descriptor.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new InvalidOperationException(
                $"{service.FullName}.{name} takes {descriptor.InputType.FullName} and returns {descriptor.OutputType.FullName}, " +
                $"not {typeof(TRequest).Name} and {typeof(TResponse).Name}.");
        }

        return new Method<TRequest, TResponse>(descriptor);
    }

    public override string ToString() => FullName;
}
