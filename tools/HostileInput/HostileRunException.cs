namespace Medborgare.HostileInput;

/// <summary>The run could not start: bad options, an unreachable target, or a document that is not OpenAPI.</summary>
public sealed class HostileRunException(string message, Exception? inner = null) : Exception(message, inner);
