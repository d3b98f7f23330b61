from examples.clinic_app.app import main

main()
