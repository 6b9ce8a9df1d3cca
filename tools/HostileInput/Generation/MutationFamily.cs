namespace Medborgare.HostileInput;

/// <summary>The kinds of hostility a request carries. Each request carries exactly one (see <see cref="HostileRequest.Mutation"/>).</summary>
public enum MutationFamily
{
    MalformedJson,
    GarbageBytes,
    NullLiteral,
    ArrayForObject,
    ObjectForArray,
    WrongType,
    IntegerOverflow,
    BigNumber,
    NanLike,
    LoneSurrogate,
    LongString,
    UnknownField,
    DeepNesting,
    HugeBody,
    EmptyBody,
    WrongContentType,
    HostilePath,
    HostileQuery,
    JunkBody,
}
