from examples.clinic_app.server import main

main()
