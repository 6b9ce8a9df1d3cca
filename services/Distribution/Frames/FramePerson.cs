namespace Medborgare.Distribution.Frames;

/// <summary>
/// One person in a population frame (urvalsram), as read from the register extract.
/// <see cref="Id"/> is a personnummer in the form YYYYMMDD-NNNN when it is one, otherwise the
/// identifier as given. <see cref="PostalCode"/> is "NNN NN"; <see cref="Sex"/> is "K" or "M".
/// </summary>
public sealed record FramePerson(
    string Id,
    string Name,
    string Address,
    string PostalCode,
    string Town,
    int BirthYear,
    string Sex,
    string District);
