@{
    # The one place the module's version is defined; build.ps1 passes it to the assemblies.
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0e7d0c-3f8e-4d8a-9c55-2f1b6f7d4a61'
    RootModule           = 'CleanRoomsML.PowerShell.dll'
    Author               = 'CleanRoomsML.PowerShell contributors'
    Copyright            = '(c) CleanRoomsML.PowerShell contributors. Apache-2.0.'
    Description          = 'Define and manage AWS Clean Rooms ML audience models from PowerShell: New-CRMLAudienceModel with CSV bulk runs, validation before sending, and clear per-row errors.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('CleanRoomsML.Format.ps1xml')
    CmdletsToExport      = @('New-CRMLAudienceModel', 'Get-CRMLAudienceModel', 'Wait-CRMLAudienceModel', 'Remove-CRMLAudienceModel',
                            'New-CRMLTrainingDataset', 'Get-CRMLTrainingDataset', 'Remove-CRMLTrainingDataset',
                            'Add-CRMLResourceTag', 'Get-CRMLResourceTag', 'Remove-CRMLResourceTag')
    FunctionsToExport    = @()
    AliasesToExport      = @('Get-CRMLAudienceModelList')
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('AWS', 'CleanRooms', 'CleanRoomsML', 'MachineLearning', 'AudienceModel')
            LicenseUri = 'https://www.apache.org/licenses/LICENSE-2.0'
        }
    }
}
