using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Emulator.Protocol;

namespace CleanRoomsML.Emulator.Operations;

/// <summary>Checks the (already decoded) ARN of a URI label against its model constraint.</summary>
public static class Labels
{
    public static string Require(ServiceRequest request, TextConstraint constraint)
    {
        var errors = new ValidationErrors();
        string value = request.Label ?? "";
        errors.Check(constraint, value, constraint.Member);
        errors.ThrowIfAny();
        return value;
    }
}
