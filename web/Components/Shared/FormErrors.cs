using Medborgare.Web.Services;
using Microsoft.AspNetCore.Components.Forms;

namespace Medborgare.Web.Components.Shared;

/// <summary>
/// The errors of one form, by the id of the field they belong to, in form order: for the messages next to each field,
/// the aria attributes that tie them to it, and the <see cref="ErrorSummary"/>.
/// </summary>
public sealed class FormErrors
{
    readonly List<(string FieldId, string Message)> errors = [];

    public IReadOnlyList<(string FieldId, string Message)> All => errors;
    public bool Any => errors.Count > 0;

    public void Add(string fieldId, string message) => errors.Add((fieldId, message));

    /// <summary>
    /// Takes the service's validation messages for the given fields (service field name → element id) and returns the
    /// service field names it took, so that the rest can be shown in an alert.
    /// </summary>
    public IReadOnlyCollection<string> AddFrom(ApiProblem problem, IReadOnlyDictionary<string, string> fieldIds)
    {
        var taken = new List<string>();
        foreach (var (field, id) in fieldIds)
        {
            if (problem.ErrorFor(field) is { } message)
            {
                Add(id, message);
                taken.Add(field);
            }
        }
        return taken;
    }

    public bool Has(string fieldId) => errors.Any(e => e.FieldId == fieldId);
    public string? For(string fieldId) => errors.FirstOrDefault(e => e.FieldId == fieldId).Message;
    public static string MessageId(string fieldId) => fieldId + "-error";

    public string FieldClass(string fieldId) => Has(fieldId) ? "field field-error" : "field";

    /// <summary>
    /// Puts the messages into the form's EditContext too (model property name by field id): the input components set
    /// aria-invalid from it, and drop one that is written on them by hand.
    /// </summary>
    public void ShowOn(EditContext context, IReadOnlyDictionary<string, string> propertyByFieldId)
    {
        var store = new ValidationMessageStore(context);
        foreach (var (fieldId, message) in errors)
        {
            if (propertyByFieldId.TryGetValue(fieldId, out var property)) store.Add(context.Field(property), message);
        }
        context.NotifyValidationStateChanged();
    }

    /// <summary>The error message's id, and a hint's id if the field has one.</summary>
    public string? DescribedBy(string fieldId, string? hintId = null)
    {
        var ids = new[] { hintId, Has(fieldId) ? MessageId(fieldId) : null }.Where(id => id is not null);
        var joined = string.Join(' ', ids);
        return joined.Length > 0 ? joined : null;
    }
}
