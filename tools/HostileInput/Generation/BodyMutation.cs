namespace Medborgare.HostileInput;

/// <summary>
/// A hostile body. <see cref="Build"/> gets the seed members (top-level <c>"name": value</c> pairs from <c>--value</c>)
/// to put beside the mutation; it gets none unless <see cref="FailsAtBinding"/> and <see cref="TakesSeedMembers"/>.
/// </summary>
public sealed record BodyMutation(MutationFamily Family, string Name, bool FailsAtBinding, string ContentType,
    Func<IReadOnlyList<KeyValuePair<string, string>>, byte[]> Build)
{
    /// <summary>The property the mutation puts its value in (top level), so a seed member of that name is left out.</summary>
    public string? TopProperty { get; init; }
    public bool TakesSeedMembers { get; init; }
}
