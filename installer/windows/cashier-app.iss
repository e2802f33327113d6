; Inno Setup script for the Windows installer (build the PyInstaller folder first).
; After install, the technician stores the platform key with:  cashier-app.exe credentials set
[Setup]
AppName=收银伴侣 Cashier Companion
AppVersion=0.1.0
DefaultDirName={autopf}\CashierCompanion
DefaultGroupName=收银伴侣
OutputBaseFilename=cashier-app-setup
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=admin

[Files]
Source: "..\..\dist\cashier-app\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\收银伴侣"; Filename: "{app}\cashier-app.exe"
Name: "{userstartup}\收银伴侣"; Filename: "{app}\cashier-app.exe"; Tasks: autostart

[Tasks]
Name: autostart; Description: "开机自动启动 (start with Windows)"

[Run]
Filename: "{app}\cashier-app.exe"; Description: "启动收银伴侣"; Flags: nowait postinstall skipifsilent
