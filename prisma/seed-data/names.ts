/** Given names reflecting the diversity of UK resident doctors. */
export const FIRST_NAMES: string[] = [
  // British
  "Oliver", "George", "Harry", "Jack", "Thomas", "James", "William", "Charlotte", "Emily", "Sophie",
  "Hannah", "Lucy", "Olivia", "Amelia", "Eleanor", "Rebecca", "Katherine", "Jessica", "Laura", "Rachel",
  "Daniel", "Matthew", "Benjamin", "Samuel", "Joseph", "Alexander", "Edward", "Henry", "Christopher", "Andrew",
  "David", "Michael", "Richard", "Robert", "Catherine", "Victoria", "Alice", "Grace", "Isabel", "Ruth",
  // Welsh and Scottish
  "Rhys", "Dafydd", "Gareth", "Cerys", "Megan", "Ffion", "Iwan", "Angharad", "Callum", "Hamish",
  "Eilidh", "Isla", "Ailsa", "Fraser", "Ewan", "Kirsty", "Morag", "Fiona", "Heather",
  // Irish
  "Siobhán", "Niamh", "Aoife", "Ciara", "Saoirse", "Orla", "Róisín", "Ciarán", "Cormac", "Eoin",
  "Seán", "Declan", "Pádraig", "Conor", "Aisling",
  // South Asian
  "Aarav", "Arjun", "Rohan", "Vikram", "Rahul", "Sanjay", "Anil", "Nikhil", "Karan", "Amit",
  "Priya", "Ananya", "Kavya", "Deepa", "Shreya", "Pooja", "Meera", "Anjali", "Nisha", "Lakshmi",
  "Harpreet", "Gurpreet", "Jaspreet", "Manpreet", "Simran", "Imran", "Bilal", "Hassan", "Usman", "Zain",
  "Ayesha", "Fatima", "Sana", "Hira", "Mehreen", "Nadia", "Farhan", "Tanvir", "Rizwan", "Shahid",
  "Tahmina", "Nusrat", "Rukhsana", "Dilshan", "Tharindu", "Nimali", "Kasun",
  // East and South-East Asian
  "Wei", "Jun", "Mei", "Xin", "Hao", "Jia", "Ming", "Hiroshi", "Yuki", "Kenji",
  "Haruka", "Min-jun", "Ji-woo", "Seo-yeon", "Thanh", "Linh", "Minh", "Huong",
  // African and Caribbean
  "Chidi", "Chiamaka", "Ngozi", "Oluwaseun", "Adebayo", "Folake", "Temitope", "Oluwatobi", "Kwame", "Ama",
  "Kofi", "Abena", "Yaw", "Tendai", "Tatenda", "Thandiwe", "Sipho", "Nomvula", "Amara", "Ifeoma",
  "Emeka", "Chinedu", "Blessing", "Kemi", "Tunde", "Wanjiru", "Kamau", "Fatou", "Ousmane", "Abdi",
  "Hodan", "Marcus", "Jerome", "Shanice",
  // Middle Eastern and Turkish
  "Omar", "Yusuf", "Ahmed", "Mohammed", "Khalid", "Tariq", "Karim", "Layla", "Yasmin", "Leila",
  "Noor", "Mariam", "Rania", "Dana", "Amir", "Reza", "Dariush", "Shirin", "Farah", "Hana",
  "Sami", "Elif", "Mehmet", "Emre", "Zeynep",
  // European
  "Luca", "Marco", "Giulia", "Francesca", "Alessandro", "Sofia", "Pablo", "Javier", "Lucía", "Carmen",
  "Mateo", "Inês", "João", "Beatriz", "Pierre", "Camille", "Élodie", "Lukas", "Anna", "Katarzyna",
  "Piotr", "Tomasz", "Agnieszka", "Magdalena", "Andrei", "Ioana", "Mihai", "Elena", "Dimitrios", "Eleni",
  "Nikos", "Lars", "Ingrid", "Sven", "Astrid", "Jakub", "Petra", "Zsófia", "Bence",
];

/** Family names reflecting the diversity of UK resident doctors. */
export const SURNAMES: string[] = [
  // English
  "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
  "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
  "Lewis", "Harris", "Clarke", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward",
  "Morris", "Moore", "King", "Baker", "Harrison", "Allen", "Scott", "Phillips", "Watson", "Parker",
  "Bennett", "Young", "Mitchell", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw",
  "Miller", "Cox", "Richards", "Fletcher", "Holmes",
  // Scottish
  "MacDonald", "Campbell", "Stewart", "Anderson", "Fraser", "Ross", "Paterson", "Robertson", "Reid", "Murray",
  "McKenzie", "Grant", "Sinclair", "Buchanan", "Cameron", "Munro",
  // Welsh
  "Llewellyn", "Pritchard", "Powell", "Rees", "Vaughan", "Jenkins", "Owen", "Parry", "Howells", "Griffiths",
  "Morgan",
  // Irish
  "O'Connor", "O'Brien", "O'Sullivan", "Byrne", "Ryan", "Walsh", "McCarthy", "Doyle", "Kennedy", "Gallagher",
  "Quinn", "Brennan", "Fitzgerald", "Nolan", "McLaughlin", "Maguire", "Murphy", "Kelly",
  // South Asian
  "Patel", "Shah", "Sharma", "Singh", "Kaur", "Gupta", "Kumar", "Mehta", "Desai", "Joshi",
  "Iyer", "Reddy", "Rao", "Nair", "Menon", "Pillai", "Krishnan", "Chaudhry", "Malik", "Hussain",
  "Ahmed", "Ali", "Khan", "Iqbal", "Qureshi", "Siddiqui", "Rahman", "Chowdhury", "Begum", "Islam",
  "Sandhu", "Gill", "Dhillon", "Bhatt", "Verma", "Banerjee", "Mukherjee", "Chatterjee", "Bose", "Ghosh",
  "Perera", "Fernando", "Jayawardena", "Wickramasinghe", "Sivakumar", "Thangarajah", "Raza", "Mirza", "Butt", "Anwar",
  // East and South-East Asian
  "Nguyen", "Tran", "Pham", "Le", "Wang", "Zhang", "Chen", "Liu", "Yang", "Huang",
  "Zhao", "Wu", "Zhou", "Lin", "Chan", "Wong", "Cheung", "Ho", "Tanaka", "Suzuki",
  "Sato", "Watanabe", "Kim", "Park", "Choi", "Tan", "Lim", "Ng", "Goh", "Teo",
  // African and Caribbean
  "Okafor", "Okonkwo", "Adeyemi", "Ogunleye", "Balogun", "Eze", "Nwosu", "Obi", "Chukwu", "Olawale",
  "Afolabi", "Mensah", "Owusu", "Boateng", "Asante", "Appiah", "Osei", "Mutasa", "Moyo", "Ndlovu",
  "Dube", "Nkosi", "Mwangi", "Otieno", "Abebe", "Tesfaye", "Haile", "Diallo", "Ndiaye", "Mohamud",
  "Warsame", "Campbell-Brown", "Gordon", "Francis",
  // Middle Eastern and Turkish
  "Haddad", "Khoury", "Nasser", "Hamdan", "Saleh", "Abdullah", "Al-Hashimi", "El-Sayed", "Mansour", "Farouk",
  "Ibrahim", "Hosseini", "Karimi", "Ahmadi", "Rahimi", "Tehrani", "Yılmaz", "Demir", "Kaya", "Çelik",
  "Aziz", "Darwish",
  // European
  "Rossi", "Bianchi", "Romano", "Ricci", "Esposito", "García", "Martínez", "Rodríguez", "López", "Fernández",
  "Silva", "Santos", "Costa", "Oliveira", "Dubois", "Moreau", "Lefèvre", "Müller", "Schmidt", "Schneider",
  "Fischer", "Weber", "Kowalski", "Nowak", "Wiśniewski", "Lewandowski", "Popescu", "Ionescu", "Papadopoulos", "Georgiou",
  "Nikolaidis", "Jansen", "de Vries", "van den Berg", "Andersson", "Johansson", "Nielsen", "Hansen", "Horváth", "Novák",
  "Petrov", "Ivanova",
];
