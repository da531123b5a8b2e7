<map version="1.0.1">
<!-- To view this file, download free mind mapping software FreeMind from http://freemind.sourceforge.net -->
<node CREATED="1717400112000" ID="ID_1502331981" MODIFIED="1717403390000" TEXT="AWS Systems Manager">
<node CREATED="1717400150000" ID="ID_804215527" MODIFIED="1717400301000" POSITION="right" TEXT="Prerequisites">
<node CREATED="1717400160000" ID="ID_1770941120" MODIFIED="1717400160000" TEXT="SSM Agent running on the instance"/>
<node CREATED="1717400170000" ID="ID_91732201" MODIFIED="1717400170000" TEXT="Instance profile with AmazonSSMManagedInstanceCore policy"/>
<node CREATED="1717400180000" ID="ID_1322654702" MODIFIED="1717400180000" TEXT="Outbound HTTPS 443 to SSM endpoints, or VPC interface endpoints ssm, ssmmessages, ec2messages"/>
<node CREATED="1717400190000" ID="ID_403384201" MODIFIED="1717400190000" TEXT="On-premises servers: hybrid activation (activation code + ID), appear as mi- managed nodes"/>
</node>
<node CREATED="1717400200000" ID="ID_1123470980" MODIFIED="1717401120000" POSITION="right" TEXT="Run Command">
<node CREATED="1717400210000" ID="ID_662840215" MODIFIED="1717400210000" TEXT="Runs a Command document (AWS-RunShellScript, AWS-RunPowerShellScript) on many nodes, no SSH or bastion"/>
<node CREATED="1717400220000" ID="ID_1889027613" MODIFIED="1717400220000" TEXT="Targets: instance IDs, tags, resource groups"/>
<node CREATED="1717400230000" ID="ID_1590337724" MODIFIED="1717400230000" TEXT="Rate control: concurrency + error threshold"/>
<node CREATED="1717400240000" ID="ID_52310945" MODIFIED="1717400240000" TEXT="Output: console shows only 2500 characters; full output to S3 bucket or CloudWatch Logs"/>
<node CREATED="1717400250000" ID="ID_1240977106" MODIFIED="1717400250000" TEXT="Status notifications straight to Amazon SNS; also events in EventBridge"/>
</node>
<node CREATED="1717400300000" ID="ID_2042851637" MODIFIED="1717401200000" POSITION="right" TEXT="Session Manager">
<node CREATED="1717400310000" ID="ID_1442011982" MODIFIED="1717400310000" TEXT="Shell access with no inbound ports open, no SSH keys, no bastion host"/>
<node CREATED="1717400320000" ID="ID_1963377801" MODIFIED="1717400320000" TEXT="Access controlled by IAM policies; every session recorded in CloudTrail (StartSession)"/>
<node CREATED="1717400330000" ID="ID_1117622085" MODIFIED="1717400330000" TEXT="Session logs to S3 and/or CloudWatch Logs, encrypted with KMS"/>
<node CREATED="1717400340000" ID="ID_374102518" MODIFIED="1717400340000" TEXT="Port forwarding supported (e.g. reach RDS through an instance)"/>
</node>
<node CREATED="1717400400000" ID="ID_1606611350" MODIFIED="1717402000000" POSITION="right" TEXT="Patch Manager">
<node CREATED="1717400410000" ID="ID_1907462011" MODIFIED="1717400410000" TEXT="Patch baseline = approval rules (e.g. auto-approve 7 days after release), approved/rejected lists"/>
<node CREATED="1717400420000" ID="ID_1181870355" MODIFIED="1717400420000" TEXT="Predefined baselines per OS, e.g. AWS-DefaultPatchBaseline, AWS-AmazonLinux2DefaultPatchBaseline"/>
<node CREATED="1717400430000" ID="ID_733096140" MODIFIED="1717400430000" TEXT="Patch group = tag key Patch Group (or PatchGroup) on the instance; one patch group maps to one baseline per OS"/>
<node CREATED="1717400440000" ID="ID_1277001519" MODIFIED="1717400440000" TEXT="Document AWS-RunPatchBaseline, Operation Scan or Install"/>
<node CREATED="1717400450000" ID="ID_1024661389" MODIFIED="1717400450000" TEXT="Steps">
<node CREATED="1717400451000" ID="ID_1024661390" MODIFIED="1717400451000" TEXT="1 define patch baseline"/>
<node CREATED="1717400452000" ID="ID_1024661391" MODIFIED="1717400452000" TEXT="2 tag instances with Patch Group"/>
<node CREATED="1717400453000" ID="ID_1024661392" MODIFIED="1717400453000" TEXT="3 register patch group with the baseline"/>
<node CREATED="1717400454000" ID="ID_1024661393" MODIFIED="1717400454000" TEXT="4 create maintenance window"/>
<node CREATED="1717400455000" ID="ID_1024661394" MODIFIED="1717400455000" TEXT="5 register targets + AWS-RunPatchBaseline task"/>
<node CREATED="1717400456000" ID="ID_1024661395" MODIFIED="1717400456000" TEXT="6 review results in Compliance"/>
</node>
</node>
<node CREATED="1717400500000" ID="ID_1406052270" MODIFIED="1717402100000" POSITION="right" TEXT="Maintenance Windows">
<node CREATED="1717400510000" ID="ID_1559112053" MODIFIED="1717400510000" TEXT="Schedule (cron/rate), duration 1-24 hours, cutoff = stop starting new tasks N hours before end"/>
<node CREATED="1717400520000" ID="ID_1819927446" MODIFIED="1717400520000" TEXT="Task types: Run Command, Automation, AWS Lambda, AWS Step Functions"/>
</node>
<node CREATED="1717400600000" ID="ID_1905117520" MODIFIED="1717402500000" POSITION="left" TEXT="Parameter Store">
<node CREATED="1717400610000" ID="ID_1008432270" MODIFIED="1717400610000" TEXT="Types: String, StringList, SecureString (encrypted with KMS)"/>
<node CREATED="1717400620000" ID="ID_1448750531" MODIFIED="1717400620000" TEXT="Standard tier: 10,000 parameters, 4 KB value, free, no parameter policies"/>
<node CREATED="1717400630000" ID="ID_1588470116" MODIFIED="1717400630000" TEXT="Advanced tier: 100,000 parameters, 8 KB value, charged, parameter policies (Expiration, ExpirationNotification, NoChangeNotification)"/>
<node CREATED="1717400640000" ID="ID_160558331" MODIFIED="1717400640000" TEXT="Advanced cannot be reverted to Standard"/>
<node CREATED="1717400650000" ID="ID_964006373" MODIFIED="1717400650000" TEXT="No built-in automatic rotation -&gt; use Secrets Manager for rotating DB passwords"/>
<node CREATED="1717400660000" ID="ID_1734401184" MODIFIED="1717400660000" TEXT="Hierarchy paths /app/prod/db-url, GetParametersByPath; keeps 100 versions per parameter"/>
<node CREATED="1717400670000" ID="ID_2110094530" MODIFIED="1717400670000" TEXT="Change events go to EventBridge"/>
</node>
<node CREATED="1717400700000" ID="ID_571260348" MODIFIED="1717402600000" POSITION="left" TEXT="State Manager">
<node CREATED="1717400710000" ID="ID_1311466221" MODIFIED="1717400710000" TEXT="Association = document + targets + schedule; keeps nodes in a desired state and re-applies on schedule"/>
<node CREATED="1717400720000" ID="ID_1866401739" MODIFIED="1717400720000" TEXT="Example: AWS-GatherSoftwareInventory association drives Inventory"/>
</node>
<node CREATED="1717400800000" ID="ID_838129981" MODIFIED="1717402700000" POSITION="left" TEXT="Inventory">
<node CREATED="1717400810000" ID="ID_1622330097" MODIFIED="1717400810000" TEXT="Collects applications, files, network config, Windows updates, services from managed nodes"/>
<node CREATED="1717400820000" ID="ID_1997600814" MODIFIED="1717400820000" TEXT="Path: Inventory -&gt; Resource Data Sync -&gt; S3 bucket -&gt; Athena -&gt; QuickSight"/>
</node>
<node CREATED="1717400900000" ID="ID_463308766" MODIFIED="1717403000000" POSITION="left" TEXT="Automation">
<node CREATED="1717400910000" ID="ID_1276021190" MODIFIED="1717400910000" TEXT="Runbooks, e.g. AWS-UpdateLinuxAmi, AWS-RestartEC2Instance, AWS-StopEC2Instance"/>
<node CREATED="1717400920000" ID="ID_1500431702" MODIFIED="1717400920000" TEXT="aws:approve step pauses for manual approval"/>
<node CREATED="1717400930000" ID="ID_398717101" MODIFIED="1717400930000" TEXT="Started by: console/CLI, EventBridge rule target, AWS Config remediation, maintenance window"/>
<node CREATED="1717400940000" ID="ID_1700211853" MODIFIED="1717400940000" TEXT="Multi-account and multi-Region execution from one admin account"/>
</node>
<node CREATED="1717401000000" ID="ID_1950327700" MODIFIED="1717403100000" POSITION="left" TEXT="OpsCenter">
<node CREATED="1717401010000" ID="ID_1045512340" MODIFIED="1717401010000" TEXT="OpsItems created from EventBridge rules and CloudWatch alarms; link runbooks to fix them"/>
</node>
<node CREATED="1717401100000" ID="ID_1254467700" MODIFIED="1717403200000" POSITION="left" TEXT="AppConfig">
<node CREATED="1717401110000" ID="ID_1881409230" MODIFIED="1717401110000" TEXT="Feature flags and runtime config with deployment strategies (e.g. AppConfig.Linear50PercentEvery30Seconds, AppConfig.AllAtOnce)"/>
<node CREATED="1717401120000" ID="ID_1125512009" MODIFIED="1717401120000" TEXT="Validators: JSON Schema or Lambda function"/>
<node CREATED="1717401130000" ID="ID_1503322090" MODIFIED="1717401130000" TEXT="Automatic rollback when a CloudWatch alarm fires during deployment"/>
</node>
<node CREATED="1717401200000" ID="ID_1440029113" MODIFIED="1717403300000" POSITION="left" TEXT="Other tools">
<node CREATED="1717401210000" ID="ID_755014430" MODIFIED="1717401210000" TEXT="Distributor: publish and install software packages"/>
<node CREATED="1717401220000" ID="ID_1190366004" MODIFIED="1717401220000" TEXT="Change Calendar: blocks Automation runs during closed periods"/>
<node CREATED="1717401230000" ID="ID_300128844" MODIFIED="1717401230000" TEXT="Fleet Manager: UI view of nodes, file system, performance"/>
</node>
</node>
</map>
